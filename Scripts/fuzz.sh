#!/usr/bin/env bash
# Fuzzes the parsers with libFuzzer: each Scripts/fuzz/NAME.swift entry is compiled with swiftc
# together with the Foundation-only sources of LanyardFormats, seeded from ../shared/fixtures
# and run for a bounded time. A crash leaves crash-* files in .build-fuzz/NAME/ and fails.
# Usage: Scripts/fuzz.sh [SECONDS per target, default 30] [NAME...]
# FUZZ_MAX_LEN (default 4096) caps input size: the large seeds (a vCard with a photo) would
# otherwise slow the runs to a few executions per second.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"; shift || true
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in Scripts/fuzz/*.swift; do names+=("$(basename "$f" .swift)"); done
fi
# Parser sources that need nothing beyond Foundation: not SwiftCSV, nor the CSV readers built on
# it (CSVRecords); those are covered by Tests/LanyardFormatsTests/CSVRandomInputTests.
sources=()
for f in Sources/LanyardFormats/*.swift; do
  grep -q -e '^import SwiftCSV' -e 'CSVRecords\.' "$f" || sources+=("$f")
done
shared="${LANYARD_SHARED:-../shared}"
status=0
for name in "${names[@]}"; do
  out=".build-fuzz/$name"; mkdir -p "$out/corpus"
  case "$name" in
    ical) cp "$shared"/fixtures/ical/*.ics "$out/corpus/" 2>/dev/null || true ;;
    vcard|card) cp "$shared"/fixtures/vcard/*.vcf "$out/corpus/" 2>/dev/null || true ;;
  esac
  case "$name" in
    mecard|card)
      printf 'MECARD:N:Doe,John;EMAIL:john@example.com;TEL:+1 415 555 0134;ORG:Acme\\, Inc.;;' > "$out/corpus/seed-mecard-1"
      printf 'MECARD:N:M\xc3\xbcller;NICKNAME:Bob;URL:https://www.linkedin.com/in/bob-mueller/;NOTE:a\\:b;;' > "$out/corpus/seed-mecard-2"
      printf 'https://de.linkedin.com/in/Liz-Moreau-4b2a19/?trk=x' > "$out/corpus/seed-linkedin-1"
      printf 'linkedin.com/pub/liz-moreau/1/2/3' > "$out/corpus/seed-linkedin-2" ;;
  esac
  srcs=("${sources[@]}")
  echo "fuzz: building $name"
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name LanyardFormats \
    "Scripts/fuzz/$name.swift" "${srcs[@]}" -o "$out/fuzz-$name" 2>&1 | grep -v "ld.gold: warning" || true
  echo "fuzz: running $name for ${seconds}s"
  if (cd "$out" && ./"fuzz-$name" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-4096}" corpus > log.txt 2>&1); then
    echo "fuzz: $name ok ($(grep -o 'Done [0-9]* runs' "$out/log.txt" || echo 'no count'))"
  else
    echo "fuzz: $name FAILED — see $out/log.txt and $out/crash-*"; status=1
  fi
done
exit $status
