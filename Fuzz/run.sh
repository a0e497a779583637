#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets (Swift -sanitize=fuzzer plus
# AddressSanitizer) and runs each for SECONDS (default 60): FuzzCapture on
# the capture readers and decompressors, the decoder with its tunnels, the
# fragment and stream reassembly; FuzzParsers on the
# archive, image, manifest and roster parsers. Seeds are the class's captures
# and the intake fixtures; each corpus grows in Fuzz/.build/corpus-TARGET and
# any crashing input is saved in Fuzz/.build/artifacts/ (re-run one with:
# Fuzz/.build/release/TARGET FILE).
# Not part of `make test` or CI.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_TO_RUN=${1:-60}

# --sanitize fuzzer makes SwiftPM link libFuzzer's main; -Xswiftc puts the
# coverage instrumentation into every module, not only the executable's.
swift build -c release -j 1 --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address

mkdir -p .build/corpus-FuzzCapture .build/corpus-FuzzParsers .build/seeds-FuzzCapture .build/seeds-FuzzParsers .build/artifacts
for capture in ../submissions/*/*.pcap ../submissions/*/*.pcapng; do
    # First byte 0: the rest of the input is a capture file.
    seedName=".build/seeds-FuzzCapture/$(basename "$(dirname "$capture")")-$(basename "$capture")"
    { printf '\x00'; cat "$capture"; } > "$seedName"
    # Compressed copies reach the gzip and zstd readers (issue 14.5).
    { printf '\x00'; gzip -c "$capture"; } > "$seedName.gz"
    { printf '\x00'; zstd -q -c "$capture"; } > "$seedName.zst"
done
# FuzzParsers: the first byte picks the parser (0 archive, 1 image, 2 manifest, 3 roster).
seed() { { printf "\\x0$1"; cat "$2"; } > ".build/seeds-FuzzParsers/$1-$(echo "$2" | tr / _)"; }
shopt -s nullglob globstar
for file in ../Tests/Fixtures/intake/archives/**/*.{zip,tar,gz,tgz}; do [ "$(stat -c %s "$file")" -le 65536 ] && seed 0 "$file"; done
for file in ../Tests/Fixtures/intake/**/*.{png,jpg,jpeg}; do [ "$(stat -c %s "$file")" -le 65536 ] && seed 1 "$file"; done
for file in ../Tests/Fixtures/**/sockgrade.yaml ../rubric/*.yaml; do seed 2 "$file"; done
for file in ../Tests/Fixtures/**/*.csv ../submissions/*.csv; do seed 3 "$file"; done

# lsan.supp lists the dependencies' own leaks, so only ours stop a run.
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp:print_suppressions=0"
for target in FuzzCapture FuzzParsers; do
    echo "== $target, $SECONDS_TO_RUN s"
    .build/release/$target .build/corpus-$target .build/seeds-$target \
        -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -rss_limit_mb=2048 \
        -artifact_prefix=.build/artifacts/ -print_final_stats=1
done
