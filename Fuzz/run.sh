#!/usr/bin/env bash
# make fuzz: builds the libFuzzer target (Swift -sanitize=fuzzer plus
# AddressSanitizer) and runs it for SECONDS (default 60) on the capture
# readers, the decoder and the reassembly. Seeds are the class's captures;
# the corpus grows in Fuzz/.build/corpus and any crashing input is saved in
# Fuzz/.build/artifacts/ (re-run one with: Fuzz/.build/release/FuzzCapture FILE).
# Not part of `make test` or CI.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_TO_RUN=${1:-60}

# --sanitize fuzzer makes SwiftPM link libFuzzer's main; -Xswiftc puts the
# coverage instrumentation into every module, not only the executable's.
swift build -c release -j 1 --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address

mkdir -p .build/corpus .build/seeds .build/artifacts
for capture in ../submissions/*/*.pcap ../submissions/*/*.pcapng; do
    # First byte 0: the rest of the input is a capture file.
    { printf '\x00'; cat "$capture"; } > ".build/seeds/$(basename "$(dirname "$capture")")-$(basename "$capture")"
done

exec .build/release/FuzzCapture .build/corpus .build/seeds \
    -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -rss_limit_mb=2048 \
    -artifact_prefix=.build/artifacts/ -print_final_stats=1
