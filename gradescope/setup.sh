#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image
# (Ubuntu 22.04 or 24.04). The autograder zip holds this file, run_autograder,
# and the sockgrade source in sockgrade/ (make it with gradescope/make-zip.sh).
#
# Gradescope must give the container CAP_SYS_ADMIN/CAP_NET_ADMIN for sockgrade's
# network namespaces and bubblewrap; without them every student gets the
# run_autograder message that the grader failed, not a wrong score.
set -euo pipefail

SWIFT_VERSION="${SWIFT_VERSION:-6.3.1}"
source_dir="$(cd "$(dirname "$0")" && pwd)"

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# What the grader and the students' languages need, then what Swift's toolchain needs.
apt-get install -y -qq --no-install-recommends \
  ca-certificates curl gnupg2 bubblewrap util-linux iproute2 libpcap-dev pkg-config tcpdump \
  python3 gcc g++ default-jdk-headless nodejs \
  binutils git libc6-dev libcurl4-openssl-dev libedit2 libpython3-dev libsqlite3-0 \
  libxml2-dev libncurses-dev libz3-dev zlib1g-dev unzip

# The Swift toolchain from swift.org for this Ubuntu release.
. /etc/os-release
platform="ubuntu${VERSION_ID}"
tarball="swift-${SWIFT_VERSION}-RELEASE-${platform}.tar.gz"
url="https://download.swift.org/swift-${SWIFT_VERSION}-release/${platform//./}/swift-${SWIFT_VERSION}-RELEASE/${tarball}"
mkdir -p /opt/swift
curl -fsSL "$url" | tar -xz -C /opt/swift --strip-components=1
export PATH="/opt/swift/usr/bin:$PATH"

cd "$source_dir/sockgrade"
swift build -c release --product sockgrade
