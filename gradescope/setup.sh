#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image
# (Ubuntu 22.04 or 24.04; Debian 12 works too). The autograder zip holds this
# file, run_autograder, and in sockgrade/ the self-contained sockgrade binary
# (`make dist`; no Swift needed) with the default rubric (make it with
# gradescope/make-zip.sh). Only Debian/Ubuntu packages are installed, so an
# air-gapped grading box with a package mirror can run it.
#
# Gradescope must give the container CAP_SYS_ADMIN/CAP_NET_ADMIN for sockgrade's
# network namespaces and bubblewrap; without them every student gets the
# run_autograder message that the grader failed, not a wrong score.
set -euo pipefail

source_dir="$(cd "$(dirname "$0")" && pwd)"

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# What the grader needs at run time, then the students' languages.
apt-get install -y -qq --no-install-recommends \
  bubblewrap util-linux iproute2 libseccomp2 libpcap-dev zlib1g tcpdump python3 \
  gcc g++ libc6-dev default-jdk-headless nodejs

# The binary runs here, or the image is not worth building.
"$source_dir/sockgrade/sockgrade" --version
