#!/usr/bin/env bash
# make bench-capture: how fast `sockgrade inspect --username` searches a large
# loopback capture, against a plain C libpcap loop (pcap_next_ex + memmem on
# every packet, no decoding, no reassembly) and, where installed, tshark with
# -Y 'tcp contains "NAME"'. Prints times, throughput, ratios and peak memory,
# for two profiles of traffic:
#   long   about 3,000 long interleaved flows (SIZE_MB, default 500);
#   short  tens of thousands of short conversations, a capture left running
#          beside a local web app (SHORT_MB, default 200: about 36,000).
#
#   scripts/bench-capture.sh [SIZE_MB [SHORT_MB]]
#       BENCH_DIR, RUNS (default 5), TSHARK=0 to skip tshark, PROFILES="long short",
#       SOCKGRADE (another build to time, default .build/release/sockgrade)
#
# Every program runs pinned to one core, on a file already in the page cache,
# so the figures compare code, not the disk.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${1:-${SIZE_MB:-500}}
SHORT_MB=${2:-${SHORT_MB:-200}}
SMALL_MB=$(( SIZE_MB / 5 > 0 ? SIZE_MB / 5 : 1 ))
RUNS=${RUNS:-5}
BENCH_DIR=${BENCH_DIR:-.build/bench}
USERNAME=${USERNAME_NEEDLE:-Bench7User}
SOCKGRADE=${SOCKGRADE:-.build/release/sockgrade}
mkdir -p "$BENCH_DIR"

[ -x "$SOCKGRADE" ] || { echo "bench-capture: build first (make release)" >&2; exit 2; }
gcc -O2 -o "$BENCH_DIR/make-bench-capture" scripts/bench/make-bench-capture.c
gcc -O2 -o "$BENCH_DIR/pcap-memmem-loop" scripts/bench/pcap-memmem-loop.c -lpcap

pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

# Runs a command under GNU time; sets SECONDS_TAKEN, CPU_TAKEN (user +
# system) and PEAK_KB, output to $BENCH_DIR/last.out.
timed() {
    /usr/bin/time -f "%e %U %S %M" -o "$BENCH_DIR/time.txt" "${pin[@]}" "$@" >"$BENCH_DIR/last.out" 2>"$BENCH_DIR/last.err" || {
        echo "bench-capture: '$*' failed:" >&2; cat "$BENCH_DIR/last.err" >&2; exit 1; }
    local user system
    read -r SECONDS_TAKEN user system PEAK_KB < <(tail -n 1 "$BENCH_DIR/time.txt")
    CPU_TAKEN=$(awk -v u="$user" -v s="$system" 'BEGIN{ printf "%.2f", u + s }')
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The median of RUNS runs (wall and CPU seconds apart), so that a
# neighbour's burst of CPU does not decide the figure; the highest peak RSS.
median_of() {
    local runs=$1 walls="" cpus="" peak=0
    shift
    for _ in $(seq "$runs"); do
        timed "$@"
        walls+="$SECONDS_TAKEN"$'\n'
        cpus+="$CPU_TAKEN"$'\n'
        [ "$PEAK_KB" -gt "$peak" ] && peak=$PEAK_KB
    done
    SECONDS_TAKEN=$(printf '%s' "$walls" | median)
    CPU_TAKEN=$(printf '%s' "$cpus" | median)
    PEAK_KB=$peak
}

generate() {
    local size=$1 file=$2 shape=${3:-400}
    local started=$(date +%s.%N)
    "$BENCH_DIR/make-bench-capture" "$file" "$size" "$USERNAME" 1 "$shape" > "$file.facts"
    local ended=$(date +%s.%N)
    printf 'generated %s: %s in %s s\n' "$file" "$(cat "$file.facts")" "$(awk -v a="$started" -v b="$ended" 'BEGIN{ printf "%.1f", b - a }')"
    # Written back to disk before anything is timed (the writeback of 500 MB
    # otherwise runs under the first programs measured), then read into the
    # page cache.
    sync "$file"
    cat "$file" > /dev/null
}

matches_of() {
    python3 -c 'import json,sys; print(len(json.load(sys.stdin)["matches"]))' < "$BENCH_DIR/last.out"
}

rate() { awk -v mb="$1" -v s="$2" 'BEGIN{ printf "%.0f", (s > 0 ? mb / s : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ printf "%.2f", (b > 0 ? a / b : 0) }'; }
fact() { awk -v key="$2" '{ for (i = 1; i < NF; i++) if ($i == key) print $(i + 1) }' "$1.facts"; }
row() { printf '%-46s %8s %8s %8s %9d MiB\n' "$1" "$SECONDS_TAKEN" "$CPU_TAKEN" "$(rate "$file_mb" "$SECONDS_TAKEN")" $((PEAK_KB / 1024)); }

# One profile: the C loop, sockgrade (text, libpcap engine, --json), tshark.
bench_profile() {
    local name=$1 file=$2
    local expected flows
    expected=$(fact "$file" username-flows)
    flows=$(fact "$file" flows)
    file_mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN{ printf "%.1f", b / 1048576 }')
    echo
    echo "profile $name: $file ($file_mb MiB, $flows conversations), username '$USERNAME' sent split in two segments by $expected of them"
    echo "median of $RUNS runs, one core, warm page cache; load average when started: $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '%-46s %8s %8s %8s %13s\n' "program" "wall s" "CPU s" "MiB/s" "peak RSS"

    median_of "$RUNS" "$BENCH_DIR/pcap-memmem-loop" "$file" "$USERNAME"
    local c_seconds=$SECONDS_TAKEN c_cpu=$CPU_TAKEN
    row "C libpcap loop (pcap_next_ex + memmem)"
    echo "    $(cat "$BENCH_DIR/last.out") (packets that hold the whole name)"

    # What an instructor runs: the text report, Swift reader (the default).
    median_of "$RUNS" "$SOCKGRADE" inspect "$file" --username "$USERNAME"
    local sg_seconds=$SECONDS_TAKEN sg_cpu=$CPU_TAKEN found
    found=$(sed -n "s/^Username '$USERNAME': found in \([0-9]*\) stream direction(s)$/\1/p" "$BENCH_DIR/last.out")
    cp "$BENCH_DIR/last.out" "$BENCH_DIR/swift.txt"
    row "sockgrade inspect --username (Swift reader)"
    echo "    stream directions with the username: ${found:-none} (expected $expected)"

    median_of "$RUNS" "$SOCKGRADE" inspect "$file" --username "$USERNAME" --engine libpcap
    local libpcap_seconds=$SECONDS_TAKEN
    row "  the same with --engine libpcap"
    if cmp -s "$BENCH_DIR/last.out" "$BENCH_DIR/swift.txt"; then
        echo "    the two readers' reports are identical"
    else
        echo "bench-capture: the Swift reader and libpcap disagree on $file (diff $BENCH_DIR/swift.txt $BENCH_DIR/last.out)" >&2
        exit 1
    fi

    median_of "$RUNS" "$SOCKGRADE" inspect "$file" --username "$USERNAME" --json
    local json_seconds=$SECONDS_TAKEN json_cpu=$CPU_TAKEN json_found json_bytes
    json_found=$(matches_of)
    json_bytes=$(stat -c %s "$BENCH_DIR/last.out")
    row "  the same with --json"
    echo "    matches in the JSON: $json_found; $json_bytes bytes of JSON, $(( json_bytes / (flows > 0 ? flows : 1) )) per conversation"

    echo "ratio sockgrade / C loop: text $(ratio "$sg_seconds" "$c_seconds"), --json $(ratio "$json_seconds" "$c_seconds"), --engine libpcap $(ratio "$libpcap_seconds" "$c_seconds") (target at most 2; CPU time: text $(ratio "$sg_cpu" "$c_cpu"), --json $(ratio "$json_cpu" "$c_cpu"))"

    if [ "${TSHARK:-1}" != 0 ] && command -v tshark >/dev/null; then
        median_of "${TSHARK_RUNS:-3}" tshark -n -r "$file" -Y "tcp contains \"$USERNAME\"" -T fields -e frame.number
        row "tshark -Y 'tcp contains \"NAME\"'"
        echo "    frames tshark finds: $(wc -l < "$BENCH_DIR/last.out") (one segment must hold the whole name; split names are missed)"
        echo "ratio tshark / sockgrade: text $(ratio "$SECONDS_TAKEN" "$sg_seconds"), --json $(ratio "$SECONDS_TAKEN" "$json_seconds"), --engine libpcap $(ratio "$SECONDS_TAKEN" "$libpcap_seconds") (target at least 50)"
    else
        echo "tshark: not run (not installed, or TSHARK=0)"
    fi

    [ "$found" = "$expected" ] && [ "$json_found" = "$expected" ] || {
        echo "bench-capture: sockgrade found ${found:-no} username streams (${json_found:-none} in its JSON) in $file, the generator sent $expected" >&2; exit 1; }
}

for profile in ${PROFILES:-long short}; do
    case $profile in
    long)
        LARGE="$BENCH_DIR/bench-$SIZE_MB.pcap"
        SMALL="$BENCH_DIR/bench-$SMALL_MB-short-flows.pcap"
        generate "$SIZE_MB" "$LARGE"
        # A fifth of the bytes in about as many flows (each a fifth as long):
        # the memory figures then differ by the bytes only, not by how many
        # conversations there are to list.
        generate "$SMALL_MB" "$SMALL" 64
        bench_profile long "$LARGE"
        timed "$SOCKGRADE" inspect "$SMALL" --username "$USERNAME"
        echo "memory: $SMALL_MB MB file ($(fact "$SMALL" flows) flows) $((PEAK_KB / 1024)) MiB peak"
        ;;
    short)
        SHORT="$BENCH_DIR/bench-$SHORT_MB-web.pcap"
        generate "$SHORT_MB" "$SHORT" web
        bench_profile short "$SHORT"
        ;;
    *) echo "bench-capture: unknown profile '$profile' (long or short)" >&2; exit 2 ;;
    esac
done
