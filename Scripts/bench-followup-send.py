#!/usr/bin/env python3
"""Benchmark: `lanyard followup send --due` of N approved follow-ups to the local SMTP server
(Scripts/smtp-test-server.py, STARTTLS + AUTH) over one connection. Prints messages/second and
checks the server captured each message exactly once. Goal: >= 100 messages/s.

Usage: .venv/bin/python Scripts/bench-followup-send.py [--count N] [--bin .build/debug/lanyard]
"""
import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--bin", default=os.path.join(here, "..", ".build", "debug", "lanyard"))
    args = ap.parse_args()
    root = tempfile.mkdtemp(prefix="lanyard-bench-")
    server = subprocess.Popen([sys.executable, os.path.join(here, "smtp-test-server.py"), "--dir", root],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        env_file = os.path.join(root, "smtp.env")
        for _ in range(300):
            if os.path.exists(env_file):
                break
            time.sleep(0.1)
        smtp = dict(line.replace("export ", "", 1).strip().replace("'", "").split("=", 1)
                    for line in open(env_file))
        env = dict(os.environ, LANYARD_DB=os.path.join(root, "bench.sqlite"),
                   LANYARD_CONFIG_DIR=os.path.join(root, "config"),
                   LANYARD_SMTP_PASSWORD=smtp["LANYARD_SMTP_TEST_PASSWORD"])

        def lanyard(*argv):
            return subprocess.run([args.bin, *argv], env=env, check=True, capture_output=True, text=True).stdout

        lanyard("events", "add", "bench-2026", "--name", "Bench 2026", "--series", "bench",
                "--start", "2026-01-10", "--timezone", "UTC")
        lanyard("config", "smtp", "--url", f"smtp://127.0.0.1:{smtp['LANYARD_SMTP_TEST_PORT']}",
                "--username", smtp["LANYARD_SMTP_TEST_USER"], "--ca-file", smtp["LANYARD_SMTP_TEST_CA"])
        lanyard("config", "sender", "--name", "Bench Sender", "--email", "bench@example.org")
        db = sqlite3.connect(env["LANYARD_DB"])
        event_id = db.execute("SELECT id FROM event WHERE slug = 'bench-2026'").fetchone()[0]
        stamp = "2026-01-10 12:00:00.000"
        for i in range(args.count):
            cur = db.execute("INSERT INTO person (name, sortName, normalizedName, createdAt, updatedAt) VALUES (?,?,?,?,?)",
                             (f"Bench Person {i}", f"Person {i}", f"bench person {i}", stamp, stamp))
            pid = cur.lastrowid
            db.execute("INSERT INTO personEmail (personId, email, normalized, createdAt) VALUES (?,?,?,?)",
                       (pid, f"bench-{i}@example.com", f"bench-{i}@example.com", stamp))
            db.execute("INSERT INTO meeting (personId, eventId, at, createdAt) VALUES (?,?,?,?)", (pid, event_id, stamp, stamp))
        db.commit()
        db.close()
        drafted = json.loads(lanyard("followup", "draft", "--json"))["created"]
        approved = json.loads(lanyard("followup", "approve", "--all", "--json"))["approved"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        report = json.loads(lanyard("followup", "send", "--due", "--json"))
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        captured = [f for f in os.listdir(smtp["LANYARD_SMTP_TEST_CAPTURE"]) if f.endswith(".json")]
        recipients = []
        for f in captured:
            recipients += json.load(open(os.path.join(smtp["LANYARD_SMTP_TEST_CAPTURE"], f)))["rcpt_tos"]
        print(f"drafted {len(drafted)}, approved {len(approved)}, sent {len(report['sent'])}, "
              f"failed {len(report['failed'])}, retry {len(report['retry'])}, unknown {len(report['unknown'])}")
        print(f"captured {len(recipients)} messages, {len(set(recipients))} distinct recipients")
        print(f"send --due: {elapsed:.2f} s for {len(report['sent'])} messages = {len(report['sent']) / elapsed:.0f} messages/s "
              "(one process, one SMTP connection, STARTTLS + AUTH, each claim and outcome committed)")
        ok = len(report["sent"]) == args.count == len(recipients) == len(set(recipients))
        print(f"lanyard CPU during send: {cpu:.2f} s ({cpu / max(1, len(report['sent'])) * 1000:.2f} ms per message); "
              "the rest of the wall time is the Python test server and the round trips")
        print("check: " + ("every message captured exactly once" if ok else "MISMATCH"))
        return 0 if ok else 1
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
