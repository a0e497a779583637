#!/usr/bin/env python3
"""Prints the bench's figures from the reports of a run and the naive grader's output."""
import json
import os
import sys

work, wall, peak, small_wall, small_peak, naive_wall, jobs = sys.argv[1:]
wall, naive_wall, small_wall = float(wall), float(naive_wall), float(small_wall)
expected = json.load(open(os.path.join(work, "class", "expected.json")))
ids = ["server-listening", "client-established", "username-sent"]

overheads, wrong = [], []
for name, want in sorted(expected.items()):
    report = json.load(open(os.path.join(work, "out", name + ".json")))
    statuses = {c["id"]: c["status"] for c in report["checks"]}
    if any(statuses[i] != want["checks"][i] for i in ids):
        wrong.append(name)
    programs = {p["role"]: p["duration_ms"] for p in report["programs"]}
    student_ms = sum(v for k, v in programs.items() if k.endswith("-build")) + programs.get("server", 0)
    overheads.append(report["duration_ms"] - student_ms)

naive_rows = [line.split() for line in open(os.path.join(work, "naive.txt")) if line.strip()]
naive_wrong = [row[0] for row in naive_rows if row[1:4] != [expected[row[0]]["checks"][i] for i in ids]]
naive_kinds = sorted({expected[name]["kind"] for name in naive_wrong})
naive_by_check = {
    check: sum(1 for row in naive_rows if row[1 + index] != expected[row[0]]["checks"][check])
    for index, check in enumerate(ids)
}
count = len(expected)
per_student_naive = naive_wall / max(1, len(naive_rows))
overheads.sort()

print(f"class: {count} students ({', '.join(sorted({v['kind'] for v in expected.values()}))}), --jobs {jobs}")
print(f"sockgrade: {wall:.1f} s wall, {count / wall * 60:.0f} students per minute, "
      f"{len(wrong)} verdicts differ from the expected ones {wrong[:5]}")
print(f"grader overhead per student (report duration minus builds and server run): "
      f"median {overheads[len(overheads) // 2]:.1f} ms, 90th percentile {overheads[int(len(overheads) * 0.9)]:.1f} ms")
print(f"peak memory: {int(peak) // 1024} MiB for {count} students, {int(small_peak) // 1024} MiB for {count // 4} "
      f"({small_wall:.1f} s)")
print(f"naive shell grader: {naive_wall:.1f} s for the first {len(naive_rows)} students "
      f"({per_student_naive:.2f} s each, so {per_student_naive * count:.0f} s for the class); "
      f"{len(naive_wrong)} of {len(naive_rows)} students graded wrong (kinds: {', '.join(naive_kinds) or 'none'}; "
      f"wrong per check: {', '.join(f'{k} {v}' for k, v in naive_by_check.items())})")
print(f"ratio: sockgrade is {per_student_naive * count / wall:.0f}x faster on this class")
