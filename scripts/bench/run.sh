#!/bin/bash
# `make bench`: grades a synthetic class and prints measured figures: students
# per minute, the grader's own overhead per student, peak memory at two class
# sizes, and the same class (a sample of it) through a hand-written shell grader.
set -euo pipefail
cd "$(dirname "$0")/../.."
students=${BENCH_STUDENTS:-200}
naive_sample=${BENCH_NAIVE_SAMPLE:-40}
jobs=${BENCH_JOBS:-$(nproc)}
work=$(mktemp -d /tmp/sockgrade-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
sockgrade=.build/release/sockgrade

python3 scripts/bench/make-class.py "$students" "$work/class"
python3 scripts/bench/make-class.py $((students / 4)) "$work/small"

run() {  # run OUT CLASS: grades CLASS, prints "wall_seconds peak_kib"
    /usr/bin/time -f "%e %M" -o "$work/time" "$sockgrade" grade "$2" --out "$1" --jobs "$jobs" --force >/dev/null
    cat "$work/time"
}
read -r small_wall small_peak < <(run "$work/small-out" "$work/small")
read -r wall peak < <(run "$work/out" "$work/class")

start=$(date +%s.%N)
bash scripts/bench/naive-grader.sh "$work/class" "$naive_sample" > "$work/naive.txt" 2>/dev/null
naive_wall=$(python3 -c "print($(date +%s.%N) - $start)")

python3 scripts/bench/report.py "$work" "$wall" "$peak" "$small_wall" "$small_peak" "$naive_wall" "$jobs"
