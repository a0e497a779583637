#!/usr/bin/env python3
"""Prints how the hand-written shell grader did on the first students of the
class, against sockgrade's wall time for the whole class.

usage: naive-report.py CLASS NAIVE_OUTPUT NAIVE_WALL_SECONDS SOCKGRADE_WALL_SECONDS"""
import json
import os
import sys

IDS = ["server-listening", "client-established", "username-sent"]


def main():
    classroom, naive_output, naive_wall, wall = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    expected = json.load(open(os.path.join(classroom, "expected.json")))
    rows = [line.split() for line in open(naive_output) if line.strip()]
    wrong = [row[0] for row in rows if row[1:4] != [expected[row[0]]["checks"][i] for i in IDS]]
    kinds = sorted({expected[name]["kind"] for name in wrong})
    by_check = {check: sum(1 for row in rows if row[1 + index] != expected[row[0]]["checks"][check])
                for index, check in enumerate(IDS)}
    count = len(expected)
    each = naive_wall / max(1, len(rows))
    print(f"naive shell grader: {naive_wall:.1f} s for the first {len(rows)} students "
          f"({each:.2f} s each, so {each * count:.0f} s for the class); "
          f"{len(wrong)} of {len(rows)} students graded wrong (kinds: {', '.join(kinds) or 'none'}; "
          f"wrong per check: {', '.join(f'{k} {v}' for k, v in by_check.items())})")
    print(f"ratio: sockgrade is {each * count / wall:.0f}x faster on this class")


if __name__ == "__main__":
    main()
