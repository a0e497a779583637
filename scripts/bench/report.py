#!/usr/bin/env python3
"""Prints one graded class's figures: wall time, verdicts against the
expected ones, the grader's own overhead per student, and the per-phase
breakdown from each student's timings.json (median and 90th percentile).

usage: report.py CLASS OUT WALL_SECONDS PEAK_KIB"""
import json
import os
import sys

IDS = ["server-listening", "client-established", "username-sent"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float("nan")


def main():
    classroom, out, wall, peak = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    expected = json.load(open(os.path.join(classroom, "expected.json")))
    overheads, wrong, phases, order, durations = [], [], {}, [], []
    for name, want in sorted(expected.items()):
        report = json.load(open(os.path.join(out, name + ".json")))
        statuses = {c["id"]: c["status"] for c in report["checks"]}
        if any(statuses[i] != want["checks"][i] for i in IDS):
            wrong.append(name)
        programs = {p["role"]: p["duration_ms"] for p in report["programs"]}
        student_ms = sum(v for k, v in programs.items() if k.endswith("-build")) + programs.get("server", 0)
        overheads.append(report["duration_ms"] - student_ms)
        durations.append(report["duration_ms"])
        timings_file = os.path.join(out, name, "timings.json")
        if os.path.exists(timings_file):
            timings = json.load(open(timings_file))
            live = 0.0
            for phase in timings["order"]:
                if phase not in order:
                    order.append(phase)
                phases.setdefault(phase, []).append(timings["phases_ms"][phase])
                live += timings["phases_ms"][phase]
            phases.setdefault("not in any phase", []).append(report["duration_ms"] - live)
    count = len(expected)
    kinds = ", ".join(sorted({v["kind"] for v in expected.values()}))
    print(f"class: {count} students ({kinds})")
    print(f"total: {wall:.1f} s wall for {count} students, {count / wall * 60:.0f} students per minute, "
          f"largest process {peak // 1024} MiB; {len(wrong)} verdicts differ from the expected ones {wrong[:5]}")
    print(f"grader overhead per student (report duration minus builds and server run): "
          f"median {percentile(overheads, 0.5):.1f} ms, 90th percentile {percentile(overheads, 0.9):.1f} ms; "
          f"student duration median {percentile(durations, 0.5):.1f} ms")
    if not phases:
        print("(no timings.json: this build does not record phases)")
        return
    print(f"{'phase':<26} {'median ms':>10} {'p90 ms':>10} {'students':>9}")
    for phase in order + ["not in any phase"]:
        values = phases[phase]
        print(f"{phase:<26} {percentile(values, 0.5):>10.2f} {percentile(values, 0.9):>10.2f} {len(values):>9}")


if __name__ == "__main__":
    main()
