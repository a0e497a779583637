# sockgrade: `make grade` grades the bundled class, `make test` runs every test.
# Both install what is missing first (Debian 12, as root).
SHELL := /bin/bash
SWIFT ?= swift
REPORTS ?= reports
JOBS ?= 2

# program:Debian package pairs the grader and the sample class need.
TOOLS := bwrap:bubblewrap nsenter:util-linux setpriv:util-linux prlimit:util-linux \
         ip:iproute2 python3:python3 gcc:gcc g++:g++ javac:default-jdk-headless \
         node:nodejs tcpdump:tcpdump pkg-config:pkg-config \
         tshark:tshark
LIBRARIES := libpcap-dev libseccomp-dev
# Only the tests need these: a real browser for the HTML page, jsonschema for the report schemas.
TEST_PACKAGES := chromium python3-jsonschema
# keyutils' keyctl plants an instructor's key for the keyring isolation tests.
TEST_PACKAGES += keyutils
# A one-node Slurm cluster for the sharding example, and a clean Debian root for the release.
TEST_PACKAGES += slurm-wlm munge debootstrap
# Toolchains student programs are built with inside the sandbox, and
# OCR for screenshots. Checked by absolute path: the sandbox sees only /usr, so
# a rustc under ~/.cargo does not count. zlib for .tar.gz intake.
SANDBOX_TOOLS := /usr/bin/go:golang-go /usr/bin/rustc:rustc-web /usr/bin/tesseract:tesseract-ocr \
                 /usr/share/tesseract-ocr/5/tessdata/eng.traineddata:tesseract-ocr-eng
# Languages and build tools of real submissions (issue 11): rustc-web/cargo-web
# are Debian 12's Rust 1.9x (plain rustc is 1.63, too old for edition 2021 crates).
SANDBOX_TOOLS += /usr/bin/cargo:cargo-web /usr/bin/make:make /usr/bin/cmake:cmake \
                 /usr/bin/mcs:mono-mcs /usr/bin/mono:mono-runtime /usr/bin/ruby:ruby /usr/bin/php:php-cli \
                 /usr/bin/perl:perl /usr/bin/kotlinc:kotlin /usr/bin/lua5.4:lua5.4 \
                 /usr/lib/x86_64-linux-gnu/liblua5.4-socket.so.2.0.0:lua-socket
LIBRARIES += zlib1g-dev
# libc.a, for the static privilege drop (gcc without recommends lacks it).
LIBRARIES += libc6-dev
# zstd-compressed captures (.pcap.zst); the zstd tool writes the tests' compressed fixtures.
LIBRARIES += libzstd-dev
TEST_PACKAGES += zstd

.PHONY: all deps test-deps build release dist grade test golden captures screenshots bench bench-capture bench-realistic fuzz clean

all: build

deps:
	@command -v $(SWIFT) >/dev/null || { echo "make: Swift 6 is needed (swift.org toolchain on PATH)"; exit 1; }
	@missing=""; \
	for pair in $(TOOLS); do \
	  command -v "$${pair%%:*}" >/dev/null 2>&1 || [ -x "/usr/bin/$${pair%%:*}" ] || [ -x "/usr/sbin/$${pair%%:*}" ] || missing="$$missing $${pair##*:}"; \
	done; \
	for lib in $(LIBRARIES); do dpkg -s "$$lib" >/dev/null 2>&1 || missing="$$missing $$lib"; done; \
	for pair in $(SANDBOX_TOOLS); do [ -e "$${pair%%:*}" ] || missing="$$missing $${pair##*:}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test-deps:
	@missing=""; \
	for pkg in $(TEST_PACKAGES); do dpkg -s "$$pkg" >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@# The CI examples are checked against the schemas check-jsonschema vendors (PyPI, not Debian).
	@command -v check-jsonschema >/dev/null || python3 -m pip install -q check-jsonschema \
	  || python3 -m pip install -q --break-system-packages check-jsonschema
	@# code-similarity runs copydetect (PyPI's MOSS-style winnowing); without it the check is skipped.
	@python3 -c 'import copydetect' 2>/dev/null || python3 -m pip install -q copydetect \
	  || python3 -m pip install -q --break-system-packages copydetect

# sockgrade's privilege drop for root mode, built beside each sockgrade, where
# the grader looks for it (without it, setpriv does the same, slower). It is C
# built by gcc, not a SwiftPM target: swiftc's link adds the Swift runtime to
# any executable (see Sources/PrivilegeDrop/drop-privileges.c).
DROP_SOURCE := Sources/PrivilegeDrop/drop-privileges.c
drop_helper = gcc -O2 -static -Wall -Wextra -Werror -o $(1)/sockgrade-drop-privileges $(DROP_SOURCE)

build: deps
	$(SWIFT) build -j $(JOBS)
	$(call drop_helper,.build/debug)

# Linked with the static Swift standard library, as `make dist` ships it: what
# `make grade` and the benches run is the binary we ship, and each start skips
# the dynamic linking of libswiftCore and Foundation (an `inspect` of a small
# file took 15.6 ms, now 9-11). The two builds also stop relinking over each
# other in .build.
release: deps
	$(SWIFT) build -c release -j $(JOBS) --static-swift-stdlib --product sockgrade
	$(call drop_helper,.build/release)

grade: release
	.build/release/sockgrade grade submissions --rubric rubric/socket-lab.yaml --out $(REPORTS) --html $(REPORTS)/index.html

# The release bundle is tested in a clean Debian root; SOCKGRADE_SKIP_SLOW=1 skips
# that test and the Slurm one, and then the bundle need not be built.
test: build test-deps $(if $(SOCKGRADE_SKIP_SLOW),,dist)
	$(SWIFT) test -j $(JOBS)

# Rewrites the golden files of whole outputs (Tests/Golden/expected) after a
# deliberate change; read `git diff Tests/Golden` before committing them.
golden: build
	SOCKGRADE_GOLDEN_REFRESH=1 $(SWIFT) test -j $(JOBS) --filter 'GoldenOutputTests|GoldenViewTests'

# A sockgrade that needs no Swift where it runs (static Swift standard library),
# packed with the default rubric and the README: dist/sockgrade-linux-ARCH.tar.gz.
# DIST_BUILD moves the release build folder (default .build).
DIST_BUILD ?= .build
dist: deps
	$(SWIFT) build -c release -j $(JOBS) --static-swift-stdlib --product sockgrade --scratch-path $(DIST_BUILD)
	$(call drop_helper,$(DIST_BUILD)/release)
	bash scripts/make-dist.sh $(DIST_BUILD)/release/sockgrade dist

# Grades a synthetic class and prints students per minute, overhead, the
# time per phase and memory, next to a hand-written shell grader (not part of
# `make test`; scripts/bench/run.sh lists its BENCH_* settings).
bench: release
	@[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
	bash scripts/bench/run.sh

# Per-student grading cost of the realistic Python/Java/C students next to the
# sample class's of the same language (BENCH_RUNS passes, median each).
bench-realistic: release
	bash scripts/bench-realistic.sh

# Regenerates the netstat screenshots of submissions/ (ImageMagick renders the terminal text).
screenshots:
	@[ -x /usr/bin/convert ] && dpkg -s fonts-dejavu-core >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends imagemagick fonts-dejavu-core; }
	bash scripts/make-screenshots.sh

# Regenerates the capture files in submissions/ by running the programs for real.
captures: deps
	bash scripts/make-captures.sh

clean:
	rm -rf .build $(REPORTS)

# --- capture engine (issue 3) ---
# Times `sockgrade inspect --username` on a generated capture of BENCH_MB
# megabytes of long flows and one of BENCH_SHORT_MB of short conversations,
# against a plain C libpcap loop and tshark; prints the figures.
BENCH_MB ?= 500
BENCH_SHORT_MB ?= 200
bench-capture: release
	bash scripts/bench-capture.sh $(BENCH_MB) $(BENCH_SHORT_MB)

# libFuzzer on the capture reader, decoder and reassembly (Fuzz/, its own
# package, so the normal build is unaffected). Not part of `make test`.
FUZZ_SECONDS ?= 60
fuzz: deps
	bash Fuzz/run.sh $(FUZZ_SECONDS)
# --- end capture engine ---
