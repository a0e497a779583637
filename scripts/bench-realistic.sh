#!/usr/bin/env bash
# `make bench-realistic`: does grading a realistic student (Tests/Fixtures/realistic:
# tutorial code, typed input, the machine's hostname, Maven/Gradle/Makefile
# layouts, usage reruns) cost more than grading a sample-class student
# (submissions/) of the same language?
#
# Grades, with the release build, the realistic Python, Java and C students
# whose expected verdicts say their programs ran and connected, and every
# sample-class student, BENCH_RUNS times (default 5), one student at a time
# (--jobs 1 --force), both sets in the same passes so machine load falls on
# both alike. Each student's cost is the `duration_ms` of its report (copy,
# build, run, capture, checks). The realistic students hand in no capture or
# screenshots, so the sample class is graded from a copy without its handed-in
# captures and images: OCR of two screenshots alone costs about 2 s, which
# would hide what is compared (build, run, typed input, hostname, reruns).
# Students whose server did not listen or whose
# client did not connect in the first pass are left out of the comparison, by
# the same rule on both sides, and named. Prints each student's median and
# the median of those per language, side by side.
#
#   BENCH_RUNS=9 scripts/bench-realistic.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${BENCH_RUNS:-5}
sockgrade=${SOCKGRADE:-.build/release/sockgrade}
[[ -x $sockgrade ]] || { echo "bench-realistic: $sockgrade is not built; run make release" >&2; exit 1; }
work=$(mktemp -d /tmp/sockgrade-bench-realistic.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The realistic students of the three languages that are expected to run and connect.
mapfile -t realistic < <(python3 - <<'EOF'
import json
expected = json.load(open("Tests/Fixtures/realistic/expected.json"))
for name, verdicts in sorted(expected.items()):
    server = verdicts.get("programs", {}).get("server", "")
    ran = all(verdicts.get(check, {}).get("status") == "passed" for check in ("server-listening", "client-established"))
    if ran and server.endswith((".py", ".java", ".c")):
        print(f"Tests/Fixtures/realistic/{name}")
EOF
)
cp -r submissions "$work/submissions"
find "$work/submissions" -type f \( -iname '*.png' -o -iname '*.jp*g' -o -iname '*.pcap' -o -iname '*.pcapng' -o -iname '*.cap' \) -delete
mapfile -t sample < <(find "$work/submissions" -mindepth 1 -maxdepth 1 -type d | sort)
echo "bench-realistic: ${#realistic[@]} realistic and ${#sample[@]} sample students, $runs passes, one at a time" >&2

for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$sockgrade" grade "${realistic[@]}" "${sample[@]}" --rubric rubric/socket-lab.yaml \
        --jobs 1 --force --out "$work/run$run" >/dev/null
    echo "bench-realistic: pass $run of $runs took $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
done

python3 - "$work" "$runs" <<'EOF'
import json, os, statistics, sys

work, runs = sys.argv[1], int(sys.argv[2])
LANGUAGES = {"python": "Python", "java": "Java", "c": "C"}
durations, kind, language, left_out = {}, {}, {}, []
for run in range(1, runs + 1):
    folder = os.path.join(work, f"run{run}")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json") or name == "summary.json":
            continue
        report = json.load(open(os.path.join(folder, name)))
        student = report["student"]
        if run == 1:
            server = (report.get("submission", {}).get("server") or {}).get("language")
            status = {c["id"]: c.get("evidence", {}).get("verdict", c["status"]) for c in report["checks"]}
            ran = status.get("server-listening") == "passed" and status.get("client-established") == "passed"
            side = "realistic" if "/Tests/Fixtures/realistic/" in report["submission"]["folder"] else "sample"
            if server not in LANGUAGES:
                continue
            if not ran:
                left_out.append(f"{student} ({side}, {LANGUAGES[server]}): server-listening {status.get('server-listening')}, client-established {status.get('client-established')}")
                continue
            kind[student], language[student] = side, LANGUAGES[server]
        if student in kind:
            durations.setdefault(student, []).append(report["duration_ms"] / 1000)

median = {s: statistics.median(d) for s, d in durations.items()}
print(f"Per-student median of {runs} gradings (seconds, the report's duration_ms; --jobs 1, release build;")
print("the sample class without its handed-in captures and screenshots, as the realistic students have none)")
for lang in LANGUAGES.values():
    print(f"\n{lang}")
    print(f"  {'realistic student':<24}{'median':>8}   {'sample student':<24}{'median':>8}")
    left = sorted((s for s in median if kind[s] == "realistic" and language[s] == lang), key=median.get)
    right = sorted((s for s in median if kind[s] == "sample" and language[s] == lang), key=median.get)
    for i in range(max(len(left), len(right))):
        a = f"  {left[i]:<24}{median[left[i]]:>8.2f}" if i < len(left) else " " * 34
        b = f"   {right[i]:<24}{median[right[i]]:>8.2f}" if i < len(right) else ""
        print(a + b)
    def group(names):
        if not names:
            return "none"
        values = [median[s] for s in names]
        return f"{statistics.median(values):.2f} s (range {min(values):.2f}-{max(values):.2f}, {len(values)} students)"
    print(f"  median of the realistic students: {group(left)}")
    print(f"  median of the sample students:    {group(right)}")
    if left and right:
        ratio = statistics.median(median[s] for s in left) / statistics.median(median[s] for s in right)
        print(f"  realistic / sample: {ratio:.2f}")
if left_out:
    print("\nLeft out (their programs did not run and connect, so their cost is a timeout, not a grading):")
    for line in left_out:
        print("  " + line)
EOF
