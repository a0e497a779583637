#!/usr/bin/env bash
# Makes autograder.zip for Gradescope from this repository: setup.sh and
# run_autograder at the top, and in sockgrade/ the self-contained binary that
# `make dist` builds (it needs no Swift), the default rubric and the README.
#   make dist && bash gradescope/make-zip.sh [OUTPUT.zip]
# SOCKGRADE_BINARY names another built sockgrade to ship.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
output="$(realpath -m "${1:-autograder.zip}")"
binary="${SOCKGRADE_BINARY:-$repo/dist/sockgrade-linux-$(uname -m)/sockgrade}"
[ -x "$binary" ] || { echo "make-zip.sh: no sockgrade at $binary; run \`make dist\` first" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$repo/gradescope/setup.sh" "$repo/gradescope/run_autograder" "$stage/"
mkdir -p "$stage/sockgrade/rubric"
install -m 0755 "$binary" "$stage/sockgrade/sockgrade"
# The privilege drop beside it, where the grader looks (setpriv does it otherwise).
helper="$(dirname "$binary")/sockgrade-drop-privileges"
[ -x "$helper" ] && install -m 0755 "$helper" "$stage/sockgrade/sockgrade-drop-privileges"
install -m 0644 "$repo/rubric/socket-lab.yaml" "$stage/sockgrade/rubric/"
install -m 0644 "$repo/README.md" "$stage/sockgrade/"
rm -f "$output"
(cd "$stage" && python3 -m zipfile -c "$output" setup.sh run_autograder sockgrade)
echo "wrote $output"
