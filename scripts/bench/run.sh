#!/bin/bash
# `make bench`: grades a synthetic class and prints measured figures: the
# class's wall time, students per minute, the grader's own overhead per
# student, where a student's time goes (per phase, median and 90th
# percentile), peak memory at two class sizes, and the same class (a sample of
# it) through a hand-written shell grader.
#
# BENCH_STUDENTS (200), BENCH_MIX (mixed: C, failing and spinning students
# too; python: ordinary Python only), BENCH_JOBS (sockgrade's default, one student
# per core, then the class again with twice as many at once), BENCH_NAIVE_SAMPLE
# (40; 0 skips the shell grader), BENCH_BASELINE=/path/to/another/sockgrade
# grades the same class with that binary first, for before/after figures from
# one run. Another bench (make bench-realistic) can reuse grade_class and report.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
students=${BENCH_STUDENTS:-200}
naive_sample=${BENCH_NAIVE_SAMPLE:-40}
jobs_option=()
[ -n "${BENCH_JOBS:-}" ] && jobs_option=(--jobs "$BENCH_JOBS")
work=$(mktemp -d /tmp/sockgrade-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
sockgrade=${BENCH_SOCKGRADE:-.build/release/sockgrade}

python3 scripts/bench/make-class.py "$students" "$work/class"
python3 scripts/bench/make-class.py $((students / 4)) "$work/small"

# grade_class BINARY OUT CLASS: prints "wall_seconds peak_kib own_peak_mib".
# GNU time's peak is the largest process of the tree (a C compiler, a
# student's program); the grader's own peak is on its last line (older
# builds do not print it: "?").
grade_class() {
    /usr/bin/time -f "%e %M" -o "$work/time" "$1" grade "$3" --out "$2" "${jobs_option[@]}" --force >"$work/grade.out"
    local own
    own=$(grep -o 'at most [0-9]* MiB of its memory' "$work/grade.out" | grep -o '[0-9]*' || echo "?")
    echo "$(cat "$work/time") $own"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
if [ -n "${BENCH_BASELINE:-}" ]; then
    read -r base_wall base_peak _ < <(grade_class "$BENCH_BASELINE" "$work/base-out" "$work/class")
    echo "== baseline: $BENCH_BASELINE (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
    python3 scripts/bench/report.py "$work/class" "$work/base-out" "$base_wall" "$base_peak"
fi
read -r small_wall small_peak small_own < <(grade_class "$sockgrade" "$work/small-out" "$work/small")
read -r wall peak own < <(grade_class "$sockgrade" "$work/out" "$work/class")
echo "== $sockgrade (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
python3 scripts/bench/report.py "$work/class" "$work/out" "$wall" "$peak"
echo "peak memory of the grader itself: $own MiB for $students students, $small_own MiB for $((students / 4)) (${small_wall} s);" \
    "of its largest process with the students' programs and compilers: $((peak / 1024)) MiB and $((small_peak / 1024)) MiB"

# The default --jobs is one student per core. Twice as many at once shows
# whether students wait enough to leave cores idle: their wall time then
# holds the wait for a core too, so the overhead figure grows.
if [ -z "${BENCH_JOBS:-}" ]; then
    jobs_option=(--jobs "$((2 * $(nproc)))")
    read -r double_wall double_peak _ < <(grade_class "$sockgrade" "$work/double-out" "$work/class")
    echo "== the same class with --jobs $((2 * $(nproc))), two students per core (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
    python3 scripts/bench/report.py "$work/class" "$work/double-out" "$double_wall" "$double_peak" > "$work/double.txt"
    head -n 3 "$work/double.txt"
    jobs_option=()
fi

if [ "$naive_sample" -gt 0 ]; then
    start=$(date +%s.%N)
    bash scripts/bench/naive-grader.sh "$work/class" "$naive_sample" > "$work/naive.txt" 2>/dev/null
    naive_wall=$(python3 -c "print($(date +%s.%N) - $start)")
    python3 scripts/bench/naive-report.py "$work/class" "$work/naive.txt" "$naive_wall" "$wall"
fi
