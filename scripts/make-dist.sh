#!/usr/bin/env bash
# Packs `make dist`'s self-contained sockgrade (static Swift standard library,
# so the machine that runs it needs no Swift) with the default rubric and the
# README into dist/sockgrade-linux-ARCH.tar.gz.
#   bash scripts/make-dist.sh BINARY [DIST_FOLDER]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
binary="${1:?usage: make-dist.sh BINARY [DIST_FOLDER]}"
dist="$(realpath -m "${2:-$repo/dist}")"
[ -x "$binary" ] || { echo "make-dist.sh: $binary is not a built sockgrade" >&2; exit 1; }
# A binary that still needs libswiftCore.so would fail on a machine without Swift.
if ldd "$binary" | grep -q 'libswift\|libFoundation\|libdispatch'; then
  echo "make-dist.sh: $binary links Swift's shared libraries; build it with --static-swift-stdlib" >&2
  exit 1
fi
name="sockgrade-linux-$(uname -m)"
rm -rf "${dist:?}/$name" "$dist/$name.tar.gz"
mkdir -p "$dist/$name/rubric"
install -m 0755 "$binary" "$dist/$name/sockgrade"
# The privilege drop the grader runs inside the sandbox as root, found beside it.
helper="$(dirname "$binary")/sockgrade-drop-privileges"
[ -x "$helper" ] || { echo "make-dist.sh: $helper is missing; \`make dist\` builds it" >&2; exit 1; }
ldd "$helper" >/dev/null 2>&1 && { echo "make-dist.sh: $helper is not static" >&2; exit 1; }
install -m 0755 "$helper" "$dist/$name/sockgrade-drop-privileges"
# The rubric file is the one built into the binary (`sockgrade rubric` prints it).
"$dist/$name/sockgrade" rubric > "$dist/$name/rubric/socket-lab.yaml"
cmp -s "$dist/$name/rubric/socket-lab.yaml" "$repo/rubric/socket-lab.yaml" \
  || { echo "make-dist.sh: the built-in rubric differs from rubric/socket-lab.yaml; rebuild" >&2; exit 1; }
cp "$repo/README.md" "$dist/$name/"
tar -C "$dist" -czf "$dist/$name.tar.gz" "$name"
echo "wrote $dist/$name.tar.gz"
