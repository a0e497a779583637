#!/usr/bin/env bash
# Makes autograder.zip for Gradescope from this repository: setup.sh and
# run_autograder at the top, the sockgrade source (no build output) in sockgrade/.
#   bash gradescope/make-zip.sh [OUTPUT.zip]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
output="$(realpath -m "${1:-autograder.zip}")"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$repo/gradescope/setup.sh" "$repo/gradescope/run_autograder" "$stage/"
mkdir "$stage/sockgrade"
cp -r "$repo/Package.swift" "$repo/Sources" "$repo/rubric" "$stage/sockgrade/"
rm -f "$output"
(cd "$stage" && python3 -m zipfile -c "$output" setup.sh run_autograder sockgrade)
echo "wrote $output"
