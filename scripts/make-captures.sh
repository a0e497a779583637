#!/usr/bin/env bash
# Regenerates the capture file that each sample student in submissions/
# "handed in", from real traffic of that student's own programs.
#
#   sudo scripts/make-captures.sh            # every student
#   sudo scripts/make-captures.sh bob dave   # only these
#   KEEP=1 scripts/make-captures.sh          # keep the work folder (logs, raw captures)
#
# For each student, in a fresh network namespace that has only `lo` (up), with
# its own hostname and mounts (mia's programs use socket.gethostname(), which
# her laptop's /etc/hosts maps to 127.0.1.1):
#   1. tcpdump -i lo (or -i any -y LINUX_SLL/LINUX_SLL2 for cooked captures)
#      -U -w RAW -Z root, and wait until it says "listening on";
#   2. the student's server, run as `nobody` with HOME=/tmp from a copy of the
#      student's folder, and a poll of `ss -Hltn` until it LISTENs (deadline);
#   3. the student's client, the same way, with what the student typed on its
#      stdin (leo's client asks for the username), and its exit status;
#   4. a poll of the raw capture until every TCP connection in it is closed
#      (both FINs acknowledged, or RST), so nothing is lost when tcpdump stops
#      (tcpdump hands packets over in blocks, up to about a second late; with
#      --immediate-mode on `any`, tcpdump 4.99.3 / libpcap 1.10.3 here lost
#      packets in about half of the runs, "N packets dropped by kernel");
#   5. SIGINT to the server and to tcpdump, waiting for each to exit.
# Then scripts/pcaptool.py turns the raw capture into the student's format,
# and the result is read back with tshark/capinfos/pcaptool and the expected
# text (username, or "Hello World") looked for in the client-to-server payload.
#
# C/C++/Java programs are built in a temporary folder, never in submissions/.
# Runs as root (namespaces, tcpdump). Needs no network beyond loopback.

set -euo pipefail

SELF=$(readlink -f "${BASH_SOURCE[0]}")
SCRIPTS=$(dirname "$SELF")
ROOT=$(dirname "$SCRIPTS")
SUBMISSIONS=$ROOT/submissions
PCAPTOOL=$SCRIPTS/pcaptool.py
PY=/usr/bin/python3

ALL_STUDENTS=(alice bob carol dave erin frank grace heidi ivan judy leo mia)

log() { printf '[make-captures] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# poll SECONDS WHAT CMD... : run CMD every 10 ms until it succeeds; fail after SECONDS.
poll() {
    local seconds=$1 what=$2; shift 2
    local deadline=$(( $(now_ms) + seconds * 1000 ))
    until "$@"; do
        if (( $(now_ms) > deadline )); then
            log "timed out after ${seconds}s waiting for: $what"
            return 1
        fi
        sleep 0.01
    done
}

# is_running PID : true while PID exists and is not a zombie.
is_running() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat%% *} != Z ]]
}

has_exited() { ! is_running "$1"; }

# stop PID SECONDS : SIGINT, wait up to SECONDS, then SIGTERM / SIGKILL; reap it.
stop() {
    local pid=$1 seconds=$2 rc=0
    if is_running "$pid"; then
        kill -INT "$pid" 2>/dev/null || true
        if ! poll "$seconds" "pid $pid to exit after SIGINT" has_exited "$pid"; then
            kill -TERM "$pid" 2>/dev/null || true
            poll 2 "pid $pid to exit after SIGTERM" has_exited "$pid" || kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || rc=$?
    return "$rc"
}

# --------------------------------------------------------------------------
# What each student wrote and handed in

# program_spec STUDENT -> LANG SERVER CLIENT (the student's file names)
program_spec() {
    case $1 in
        alice) echo "python server.py client.py" ;;
        bob)   echo "c server.c client.c" ;;
        carol) echo "java Server.java Client.java" ;;
        dave)  echo "node server.js client.js" ;;
        erin)  echo "python Server.py Client.py" ;;
        frank) echo "c server.c client.c" ;;
        grace) echo "cpp server.cpp client.cpp" ;;
        heidi) echo "python tcp_server.py tcp_client.py" ;;
        ivan)  echo "python myServer.py myClient.py" ;;
        judy)  echo "python lab2_server.py lab2_client.py" ;;
        leo)   echo "java ChatServer.java ChatClient.java" ;;
        mia)   echo "python server.py client.py" ;;
        *) die "unknown student $1" ;;
    esac
}

# capture_spec STUDENT -> IFACE DLT (how the raw capture is taken)
capture_spec() {
    case $1 in
        dave)  echo "any LINUX_SLL2" ;;
        grace) echo "any LINUX_SLL" ;;
        *)     echo "lo EN10MB" ;;
    esac
}

# handed_in STUDENT -> file name of the capture the student handed in
handed_in() {
    case $1 in
        alice) echo capture.pcapng ;;
        bob)   echo lo0.pcap ;;
        carol) echo dumpfile.pcap ;;      # RawCap's default output name
        dave)  echo dave_capture.pcapng ;;
        erin)  echo erin.pcap ;;
        frank) echo capture.pcapng ;;     # really a PNG
        grace) echo grace_lo.pcap ;;
        heidi) echo capture.pcap ;;
        ivan)  echo ivan.pcap ;;
        judy)  echo capture.pcap ;;
        leo)   echo lab2.pcap ;;
        mia)   echo mia.pcapng ;;
    esac
}

# traffic_of STUDENT -> whose traffic the handed-in capture shows
traffic_of() {
    case $1 in
        judy) echo alice ;;   # she handed in a copy of alice's traffic
        *)    echo "$1" ;;
    esac
}

# typed_input STUDENT -> what the student typed at the client's prompt (leo's
# client asks for the username with a Scanner, then reads lines until EOF)
typed_input() {
    case $1 in
        leo) printf '%s\n' "$(username_of leo)" ;;
    esac
}

# hostname_of STUDENT -> the name of the laptop the student ran on, for those
# whose programs use socket.gethostname(): mapped to 127.0.1.1 in /etc/hosts,
# as Debian's installer does (the grader's sandbox does the same)
hostname_of() {
    case $1 in
        mia) echo mia-laptop ;;
    esac
}

username_of() {
    awk -F, -v f="$1" 'NR > 1 && $1 == f { gsub(/\r/, "", $2); print $2 }' "$SUBMISSIONS/roster.csv"
}

# expected_text STUDENT -> what the client-to-server stream of the handed-in capture carries
expected_text() {
    case $1 in
        erin) echo "Hello World" ;;
        *)    username_of "$(traffic_of "$1")" ;;
    esac
}

# --------------------------------------------------------------------------
# Inside the namespace (the script runs itself under `unshare -n`)

# as_student CMD... : run CMD the way the grader runs student code: as an
# unprivileged user, HOME=/tmp, a bare environment, from the folder copy.
# With TIME_LIMIT set, it is killed after that many seconds. It execs, so
# call it in the background or in a subshell; then $! is the program itself.
as_student() {
    local limit=()
    [[ -n ${TIME_LIMIT:-} ]] && limit=(timeout "$TIME_LIMIT")
    cd "$RUN_DIR"
    exec "${limit[@]}" env -i HOME=/tmp PATH=/usr/bin:/bin LANG=C.UTF-8 \
        setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
}

command_for() {  # command_for server|client
    local role=$1 file
    [[ $role == server ]] && file=$SERVER_FILE || file=$CLIENT_FILE
    case $LANG_ in
        python) echo "$PY $file" ;;
        node)   echo "/usr/bin/node $file" ;;
        c|cpp)  echo "$BUILD_DIR/$role" ;;
        java)   echo "/usr/bin/java -cp $BUILD_DIR ${file%.java}" ;;
    esac
}

server_listening() {
    is_running "$SERVER_PID" || { log "server exited before listening"; exit 1; }
    [[ -n $(ss -Hltn) ]]
}

in_netns() {
    set -m  # background jobs keep SIGINT's default action, so SIGINT stops them
    TCPDUMP_PID="" SERVER_PID=""
    # Whatever happens, leave nothing running in the namespace.
    trap 'set +e; [[ -n $SERVER_PID ]] && stop "$SERVER_PID" 5; [[ -n $TCPDUMP_PID ]] && stop "$TCPDUMP_PID" 5' EXIT
    ip link set lo up
    if [[ -n $HOSTNAME_ ]]; then
        # this namespace has its own UTS and mounts (unshare -u -m)
        hostname "$HOSTNAME_"
        printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\tlocalhost ip6-localhost ip6-loopback\n' \
            "$HOSTNAME_" >"$LOGS/hosts"
        mount --bind "$LOGS/hosts" /etc/hosts
    fi
    local dlt_args=()
    [[ $IFACE == any ]] && dlt_args=(-y "$DLT")
    tcpdump -i "$IFACE" "${dlt_args[@]}" -U -w "$RAW" -Z root \
        >"$LOGS/tcpdump.out" 2>"$LOGS/tcpdump.err" &
    TCPDUMP_PID=$!
    poll 10 "tcpdump to start" grep -q 'listening on' "$LOGS/tcpdump.err"

    # shellcheck disable=SC2046
    as_student $(command_for server) >"$LOGS/server.log" 2>&1 &
    SERVER_PID=$!
    poll 30 "the server to LISTEN" server_listening
    ss -Hltnp >"$LOGS/ss-listen.txt"
    log "$STUDENT: server listening: $(ss -Hltn | awk '{print $4}' | paste -sd' ')"

    local client_rc=0
    # shellcheck disable=SC2046
    (TIME_LIMIT=30 as_student $(command_for client)) <"$TYPED" >"$LOGS/client.log" 2>&1 || client_rc=$?
    log "$STUDENT: client exited with $client_rc"

    poll 10 "every connection to be closed in the capture" \
        "$PY" "$PCAPTOOL" check "$RAW" --closed --quiet || true
    stop "$SERVER_PID" 10 || true
    SERVER_PID=""
    stop "$TCPDUMP_PID" 10 || true
    TCPDUMP_PID=""
    [[ $client_rc == 0 ]] || { log "client failed:"; cat "$LOGS/client.log" >&2; exit 1; }
}

if [[ ${1:-} == --in-netns ]]; then
    in_netns
    exit 0
fi

# --------------------------------------------------------------------------
# Outside: tools, building, running, converting, verifying

[[ $(id -u) == 0 ]] || die "run as root (network namespaces and tcpdump need it)"

ensure_tools() {
    local missing=() pair
    for pair in tcpdump:tcpdump /usr/bin/python3:python3 gcc:gcc g++:g++ javac:default-jdk-headless \
                java:default-jdk-headless node:nodejs tshark:tshark capinfos:tshark \
                ss:iproute2 ip:iproute2 unshare:util-linux setpriv:util-linux; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
    done
    if (( ${#missing[@]} )); then
        log "installing: ${missing[*]}"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y $(printf '%s\n' "${missing[@]}" | sort -u)
    fi
}

WORK=$(mktemp -d /tmp/make-captures.XXXXXX)
chmod 755 "$WORK"
cleanup() { if [[ ${KEEP:-0} == 1 ]]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

# prepare STUDENT : copy the folder (the grader's working directory) and build into $WORK.
prepare() {
    local s=$1 lang server client run build
    read -r lang server client <<<"$(program_spec "$s")"
    run=$WORK/run/$s build=$WORK/build/$s
    mkdir -p "$run" "$build" "$WORK/logs/$s"
    cp -r "$SUBMISSIONS/$s/." "$run/"
    # nothing the student handed in besides source is needed to run the programs
    case $lang in
        c)    gcc -Wall -o "$build/server" "$run/$server" 2>"$WORK/logs/$s/build-server.txt" || return 1
              gcc -Wall -o "$build/client" "$run/$client" 2>"$WORK/logs/$s/build-client.txt" || return 1 ;;
        cpp)  g++ -Wall -o "$build/server" "$run/$server" 2>"$WORK/logs/$s/build-server.txt" || return 1
              g++ -Wall -o "$build/client" "$run/$client" 2>"$WORK/logs/$s/build-client.txt" || return 1 ;;
        java) javac -d "$build" "$run/$server" "$run/$client" 2>"$WORK/logs/$s/build.txt" || return 1 ;;
        *) ;;
    esac
    chmod -R a+rX "$run" "$build"
}

# run_student STUDENT : raw capture of the student's own programs -> $WORK/raw/STUDENT.pcap
run_student() {
    local s=$1 lang server client iface dlt attempt
    [[ -s $WORK/raw/$s.pcap ]] && return 0
    read -r lang server client <<<"$(program_spec "$s")"
    read -r iface dlt <<<"$(capture_spec "$s")"
    mkdir -p "$WORK/raw"
    if ! prepare "$s"; then
        cat "$WORK/logs/$s"/build*.txt >&2
        die "$s: build failed"
    fi
    typed_input "$s" >"$WORK/logs/$s/typed.txt"
    for attempt in 1 2 3; do
        rm -f "$WORK/raw/$s.pcap"
        if STUDENT=$s TYPED=$WORK/logs/$s/typed.txt HOSTNAME_=$(hostname_of "$s") LANG_=$lang SERVER_FILE=$server CLIENT_FILE=$client IFACE=$iface DLT=$dlt \
           RAW=$WORK/raw/$s.pcap LOGS=$WORK/logs/$s RUN_DIR=$WORK/run/$s BUILD_DIR=$WORK/build/$s \
           PY=$PY PCAPTOOL=$PCAPTOOL \
           unshare -n -u -m -- bash "$SELF" --in-netns \
           && "$PY" "$PCAPTOOL" check "$WORK/raw/$s.pcap" --closed --quiet; then
            log "$s: raw capture: $("$PY" "$PCAPTOOL" check "$WORK/raw/$s.pcap")"
            return 0
        fi
        log "$s: attempt $attempt did not give a complete capture; logs:"
        tail -n 20 "$WORK/logs/$s"/*.log "$WORK/logs/$s"/tcpdump.err >&2 || true
    done
    die "$s: no complete capture after 3 attempts"
}

# A small PNG (a sketch of a Wireshark window), what frank handed in as his "capture".
write_screenshot_png() {
    "$PY" - "$1" <<'PYEOF'
import struct, sys, zlib

W, H = 240, 160
px = [[(240, 240, 240)] * W for _ in range(H)]

def rect(x0, y0, x1, y1, c):
    for y in range(y0, y1):
        for x in range(x0, x1):
            px[y][x] = c

rect(0, 0, W, 14, (60, 63, 65))            # title bar
for i, c in enumerate([(237, 106, 94), (245, 191, 79), (98, 197, 84)]):
    rect(6 + i * 10, 4, 12 + i * 10, 10, c)  # window buttons
rect(0, 14, W, 26, (225, 225, 225))         # tool bar
rect(4, 28, W - 4, 36, (255, 255, 255))     # display filter box
rect(4, 28, 40, 36, (175, 255, 175))
for r in range(8):                          # packet list: TCP rows
    y = 40 + r * 7
    c = (231, 230, 255) if r != 3 else (51, 102, 204)
    rect(4, y, W - 4, y + 6, c)
    if r != 3:
        for k, w in enumerate((10, 30, 40, 40, 20, 60)):
            x = 6 + sum((10, 30, 40, 40, 20, 60)[:k]) + k * 4
            rect(x, y + 2, x + w - 6, y + 4, (90, 90, 110))
rect(4, 98, W - 4, 126, (255, 255, 255))    # packet details
for r in range(4):
    rect(8, 101 + r * 6, 120 - r * 12, 104 + r * 6, (70, 70, 70))
rect(4, 128, W - 4, 152, (255, 255, 255))   # hex dump
for r in range(3):
    rect(8, 131 + r * 7, 200, 134 + r * 7, (120, 120, 120))
rect(0, 152, W, H, (210, 210, 210))         # status bar

raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in px)

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

png = (b"\x89PNG\r\n\x1a\n"
       + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(raw, 9))
       + chunk(b"IEND", b""))
open(sys.argv[1], "wb").write(png)
PYEOF
}

convert_for() {  # convert_for STUDENT RAW OUT
    local s=$1 raw=$2 out=$3
    local os="Linux $(uname -r)" appl="pcaptool.py (sockgrade sample capture)"
    case $s in
        alice) "$PY" "$PCAPTOOL" convert "$raw" "$out" --format pcapng --linktype EN10MB \
                   --if-name lo --os "$os" --userappl "$appl" --isb ;;
        bob)   "$PY" "$PCAPTOOL" convert "$raw" "$out" --format pcap --linktype NULL ;;
        carol) "$PY" "$PCAPTOOL" convert "$raw" "$out" --format pcap --linktype RAW ;;
        dave)  "$PY" "$PCAPTOOL" convert "$raw" "$out" --format pcapng --linktype LINUX_SLL2 \
                   --if-name any --os "$os" --userappl "$appl" ;;
        erin)  "$PY" "$PCAPTOOL" convert "$raw" "$out" --format pcap --linktype EN10MB --nanosecond ;;
        grace) "$PY" "$PCAPTOOL" convert "$raw" "$out" --format pcap --linktype LINUX_SLL --big-endian ;;
        heidi) local whole=$WORK/raw/heidi-whole.pcap n
               "$PY" "$PCAPTOOL" convert "$raw" "$whole" --format pcap --linktype EN10MB
               # cut inside the record right after the one carrying her username
               n=$("$PY" "$PCAPTOOL" list "$whole" | awk '$0 ~ / len=[1-9]/ { print $1 + 1; exit }')
               [[ -n $n ]] || die "heidi: no payload record to cut after"
               "$PY" "$PCAPTOOL" truncate "$whole" "$out" --cut-in-record "$n" ;;
        ivan)  "$PY" "$PCAPTOOL" convert "$raw" "$out" --format pcap --linktype EN10MB ;;
        judy)  "$PY" "$PCAPTOOL" convert "$raw" "$out" --format pcap --linktype EN10MB ;;
        leo)   "$PY" "$PCAPTOOL" convert "$raw" "$out" --format pcap --linktype EN10MB ;;
        mia)   "$PY" "$PCAPTOOL" convert "$raw" "$out" --format pcapng --linktype EN10MB \
                   --if-name lo --os "$os" --userappl "$appl" ;;
    esac
}

# verify STUDENT FILE : read the handed-in file back with tshark/capinfos and look for the text.
verify() {
    # (tshark exits non-zero on a file cut short, after printing what it read)
    local s=$1 f=$2 want port hex got tshark_rc=0
    want=$(expected_text "$s")
    capinfos -t -E -c -l -u -F "$f" 2>&1 | sed "s/^/    /" >&2 || true
    tshark -r "$f" -V >"$WORK/logs/$s/tshark-V.txt" 2>&1 || tshark_rc=$?
    port=$(tshark -r "$f" -Y 'tcp.flags.syn == 1 && tcp.flags.ack == 0' -T fields -e tcp.dstport 2>/dev/null | head -n1 || true)
    [[ -n $port ]] || die "$s: tshark finds no SYN in $f"
    hex=$(tshark -r "$f" -Y "tcp.payload && tcp.dstport == $port" -T fields -e tcp.payload 2>/dev/null | tr -d ':\n' || true)
    got=$("$PY" -c 'import sys; sys.stdout.write(bytes.fromhex(sys.argv[1]).decode("latin-1"))' "$hex")
    if [[ $got != *"$want"* ]]; then
        die "$s: client-to-server payload in $f is '$got', expected it to contain '$want'"
    fi
    local own
    own=$(username_of "$s")
    if [[ $own != "$want" && $got == *"$own"* ]]; then
        die "$s: $f should not carry the student's own username '$own' (the sample expects '$want')"
    fi
    log "$s: verified $f: tshark -V exit $tshark_rc, port $port, client->server payload $(printf '%q' "$got")"
    "$PY" "$PCAPTOOL" check "$f" --payload "$want" >&2 || die "$s: pcaptool check failed on $f"
}

main() {
    local students=("$@") s
    (( ${#students[@]} )) || students=("${ALL_STUDENTS[@]}")
    ensure_tools
    for s in "${students[@]}"; do
        [[ -d $SUBMISSIONS/$s ]] || die "no folder submissions/$s"
        local out=$SUBMISSIONS/$s/$(handed_in "$s")
        log "---- $s -> submissions/$s/$(handed_in "$s")"
        if [[ $s == frank ]]; then
            # His server does not compile; check that it still does not, then write his PNG.
            if prepare frank 2>/dev/null; then
                die "frank's server.c compiles now; the sample expects a compile error"
            fi
            gcc -Wall -o "$WORK/build/frank/client" "$SUBMISSIONS/frank/client.c" \
                || die "frank's client.c should compile"
            log "frank: server.c fails to compile as intended: $(grep -m1 error "$WORK/logs/frank/build-server.txt")"
            write_screenshot_png "$out"
            log "frank: wrote PNG $(file -b "$out" 2>/dev/null || true)"
            continue
        fi
        run_student "$s"
        local src
        src=$(traffic_of "$s")
        [[ $src == "$s" ]] || run_student "$src"
        convert_for "$s" "$WORK/raw/$src.pcap" "$out" >&2
        verify "$s" "$out"
    done
    log "done"
}

main "$@"
