#!/usr/bin/env python3
"""Lanyard's local SMTP test server (aiosmtpd), for the tests and the benchmark only.

Listens on 127.0.0.1: one port with STARTTLS required (smtp://), one with implicit TLS
(smtps://), both requiring AUTH PLAIN/LOGIN over TLS as the test user. Every accepted message is
captured raw (`<id>.eml`, the exact bytes after the dot) with its envelope (`<id>.json`).
Chosen recipients misbehave: tempfail@... gets 451, reject@... gets 550 at RCPT, and
stall@... makes the server wait STALL seconds after the body before answering (to make a
client time out after DATA).

Usage: smtp-test-server.py --dir DIR [--cert C --key K]
Writes DIR/smtp.env (shell exports the tests read) once it listens, then serves until killed.
"""
import argparse
import asyncio
import json
import os
import signal
import socket
import ssl
import subprocess
import threading
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = b"lanyard-test", b"s3cret-test-password"
STALL_SECONDS = float(os.environ.get("LANYARD_SMTP_TEST_STALL", "6"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER and auth_data.password == PASSWORD
    return AuthResult(success=ok, handled=False)


class CaptureHandler:
    def __init__(self, folder):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("tempfail"):
            return "451 4.3.0 Try again later (test)"
        if local.startswith("reject"):
            return "550 5.1.1 No such user (test)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if any(a.split("@", 1)[0].lower().startswith("stall") for a in envelope.rcpt_tos):
            await asyncio.sleep(STALL_SECONDS)
        name = uuid.uuid4().hex
        raw = envelope.original_content
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "size": len(raw)}
        for suffix, data in ((".eml", raw), (".json", json.dumps(meta).encode())):
            tmp = os.path.join(self.folder, "." + name + suffix)
            with open(tmp, "wb") as f:
                f.write(data)
            os.rename(tmp, os.path.join(self.folder, name + suffix))
        return "250 2.0.0 Queued as " + name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--cert")
    ap.add_argument("--key")
    args = ap.parse_args()
    root = os.path.abspath(args.dir)
    capture = os.path.join(root, "smtp-capture")
    os.makedirs(capture, exist_ok=True)
    cert = args.cert or os.path.join(root, "smtp-cert.pem")
    key = args.key or os.path.join(root, "smtp-key.pem")
    if not os.path.exists(cert):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                        "-keyout", key, "-out", cert], check=True, capture_output=True)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)

    common = dict(auth_required=True, authenticator=authenticate,
                  decode_data=False, data_size_limit=None, ready_timeout=30)
    handler = CaptureHandler(capture)
    starttls_port, tls_port = free_port(), free_port()
    starttls = Controller(handler, hostname="127.0.0.1", port=starttls_port,
                          tls_context=ctx, require_starttls=True, auth_require_tls=True, **common)
    # Implicit TLS: aiosmtpd only counts STARTTLS as TLS, so auth_require_tls stays off here
    # (the whole connection is TLS from the first byte).
    implicit = Controller(handler, hostname="127.0.0.1", port=tls_port, ssl_context=ctx,
                          server_hostname="localhost", auth_require_tls=False, **common)
    starttls.start()
    implicit.start()

    env = {
        "LANYARD_SMTP_TEST_HOST": "127.0.0.1",
        "LANYARD_SMTP_TEST_PORT": str(starttls_port),
        "LANYARD_SMTPS_TEST_PORT": str(tls_port),
        "LANYARD_SMTP_TEST_CA": cert,
        "LANYARD_SMTP_TEST_CAPTURE": capture,
        "LANYARD_SMTP_TEST_USER": USER.decode(),
        "LANYARD_SMTP_TEST_PASSWORD": PASSWORD.decode(),
        "LANYARD_SMTP_TEST_STALL": str(STALL_SECONDS),
    }
    tmp = os.path.join(root, ".smtp.env")
    with open(tmp, "w") as f:
        f.writelines(f"export {k}='{v}'\n" for k, v in env.items())
    os.rename(tmp, os.path.join(root, "smtp.env"))

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    starttls.stop()
    implicit.stop()


if __name__ == "__main__":
    main()
