#!/usr/bin/env python3
"""Check that sockgrade decodes a capture as tshark does, frame by frame.

    scripts/compare-tshark.py CAPTURE... [--sockgrade PATH] [--engine swift|libpcap]   (swift, the reader grading uses, by default)
    scripts/compare-tshark.py --streams CAPTURE...

With --streams it compares, per file, what Tests/PacketCaptureTests/
SharedCapturesAgreementTests.swift compares (issue 14): the packets, the TCP
streams, and the streams whose payload carries a string taken from the file
(up to 12 bytes from the middle of the longest segment), which sockgrade's
reassembled search must find in at least as many streams as tshark's
per-segment search (IP defragmentation on, as tshark has it by default).

For every frame it compares what `sockgrade inspect --frames` decodes with
what `tshark -T fields` decodes: addresses, ports, raw sequence and
acknowledgment numbers, flags, window, TCP header length and the payload
bytes. TCP reassembly, IP defragmentation and sequence analysis are turned
off in tshark, so that both sides look at single segments.

Exit status 0 when every frame agrees, 1 when some do not (the first
differences are printed), 2 when a tool is missing or a file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

FIELDS = [
    "frame.number", "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "tcp.srcport", "tcp.dstport",
    "tcp.seq_raw", "tcp.ack_raw", "tcp.flags", "tcp.window_size_value", "tcp.hdr_len", "tcp.payload",
]
COLUMNS = ["frame", "source", "destination", "source port", "destination port", "sequence",
           "acknowledgment", "flags", "window", "header length", "payload"]
TSHARK_PREFERENCES = [
    "tcp.desegment_tcp_streams:FALSE", "tcp.analyze_sequence_numbers:FALSE",
    "ip.defragment:FALSE", "ipv6.defragment:FALSE",
]


def tshark_frames(tshark: str, capture: str) -> dict[int, list[str] | None]:
    """Frame number -> the TCP columns, or None when tshark sees no single TCP header in it."""
    command = [tshark, "-n", "-r", capture, "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a"]
    for preference in TSHARK_PREFERENCES:
        command += ["-o", preference]
    for field in FIELDS:
        command += ["-e", field]
    result = subprocess.run(command, capture_output=True, text=True)
    frames: dict[int, list[str] | None] = {}
    for line in result.stdout.splitlines():
        values = line.split("\t")
        values += [""] * (len(FIELDS) - len(values))
        number, ip_src, ip_dst, ip6_src, ip6_dst, *tcp = values
        source, destination = (ip_src, ip_dst) if ip_src else (ip6_src, ip6_dst)
        header = tcp[:7]
        # No TCP, TCP quoted inside an ICMP error (two IP headers), or a TCP
        # header cut short (tshark fills only the fields it could read): not
        # a segment of its own, as sockgrade sees it.
        if not all(header) or "," in source or any("," in field for field in header):
            frames[int(number)] = None
            continue
        # sockgrade keeps the eight flag bits of byte 13; tshark adds the NS and reserved bits.
        flags = "0x%04x" % (int(tcp[4], 16) & 0xFF)
        # tshark repeats tcp.payload when a dissector above TCP adds its own; the first is the segment's.
        payload = tcp[7].split(",")[0].replace(":", "").lower()
        frames[int(number)] = [number, source, destination, tcp[0], tcp[1], tcp[2], tcp[3],
                               flags, tcp[5], tcp[6], payload]
    if result.returncode != 0 and not frames:
        raise RuntimeError(f"tshark could not read {capture}: {result.stderr.strip()}")
    return frames


def sockgrade_frames(sockgrade: str, capture: str, engine: str) -> dict[int, list[str] | None]:
    result = subprocess.run([sockgrade, "inspect", "--frames", "--engine", engine, capture],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip())
    frames: dict[int, list[str] | None] = {}
    for line in result.stdout.splitlines():
        values = line.split("\t")
        frames[int(values[0])] = values if len(values) == len(COLUMNS) else None
    return frames


def compare(capture: str, sockgrade: str, engine: str, tshark: str) -> list[str]:
    ours = sockgrade_frames(sockgrade, capture, engine)
    theirs = tshark_frames(tshark, capture)
    problems = []
    # tshark also lists custom and journal blocks as frames (no TCP in them);
    # sockgrade numbers around them but lists only packets.
    missing = [number for number in set(theirs) - set(ours) if theirs[number] is not None]
    if set(ours) - set(theirs) or missing:
        problems.append(f"sockgrade read {len(ours)} frames, tshark {len(theirs)}")
    segments = 0
    for number in sorted(set(ours) & set(theirs)):
        mine, other = ours[number], theirs[number]
        if mine is None and other is None:
            continue
        if mine is None or other is None:
            who = "tshark" if mine is None else "sockgrade"
            problems.append(f"frame {number}: only {who} decodes a TCP segment")
            continue
        segments += 1
        for column, a, b in zip(COLUMNS, mine, other):
            if a != b:
                problems.append(f"frame {number}: {column}: sockgrade {a!r}, tshark {b!r}")
    print(f"{capture}: {len(ours)} frames, {segments} TCP segments compared, "
          + ("every field agrees" if not problems else f"{len(problems)} differences"))
    return problems


def tshark_streams(tshark: str, capture: str) -> tuple[int, dict[str, list[str]]]:
    """Packets, and each TCP stream's segment payloads in hex (TCP reassembly off)."""
    command = [tshark, "-n", "-r", capture, "-o", "tcp.desegment_tcp_streams:FALSE", "-T", "fields",
               "-E", "separator=/t", "-E", "occurrence=l", "-e", "frame.encap_type", "-e", "frame.protocols",
               "-e", "tcp.stream", "-e", "tcp.payload"]
    result = subprocess.run(command, capture_output=True, text=True)
    packets = 0
    streams: dict[str, list[str]] = {}
    for line in result.stdout.splitlines():
        values = (line.split("\t") + [""] * 4)[:4]
        encapsulation, protocols, stream, payload = values
        if not encapsulation or protocols == "systemd_journal":
            continue  # pcapng custom and journal records, which tshark numbers too
        packets += 1
        layers = protocols.split(":")
        if "tcp" not in layers or any(layer.startswith("icmp") for layer in layers[:layers.index("tcp")]) or not stream:
            continue  # no TCP, or TCP quoted inside an ICMP error
        streams.setdefault(stream, []).append(payload.replace(":", "").lower())
    return packets, streams


def sample_needle(streams: dict[str, list[str]]) -> bytes | None:
    payloads = [payload for segments in streams.values() for payload in segments]
    longest = max(payloads, key=len, default="")
    if len(longest) < 8:
        return None
    data = bytes.fromhex(longest)
    length = min(12, len(data))
    start = (len(data) - length) // 2
    return data[start:start + length]


def carries(payload_hex: str, needle: bytes) -> bool:
    return needle in bytes.fromhex(payload_hex)


def compare_streams(capture: str, sockgrade: str, tshark: str) -> list[str]:
    packets, streams = tshark_streams(tshark, capture)
    needle = sample_needle(streams)
    command = [sockgrade, "inspect", "--json", capture]
    if needle is not None:
        # The needle goes in as a command-line word: one that is not UTF-8 text
        # or holds a NUL is left to the Swift test, which passes bytes.
        try:
            needle = needle.decode("utf-8").encode("utf-8") if b"\0" not in needle else None
        except UnicodeDecodeError:
            needle = None
        if needle:
            command += ["--username", needle.decode("utf-8")]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        problems = [] if packets == 0 else [f"only sockgrade refuses it: {result.stderr.strip()}"]
        print(f"{capture}: " + ("both refuse it" if not problems else problems[0]))
        return problems
    report = json.loads(result.stdout)
    problems = []
    if report["packets"] != packets:
        problems.append(f"packets: sockgrade {report['packets']}, tshark {packets}")
    if report["tcp_streams"] != len(streams):
        problems.append(f"TCP streams: sockgrade {report['tcp_streams']}, tshark {len(streams)}")
    if needle:
        ours = len({match["stream"] for match in report.get("matches", [])})
        theirs = sum(1 for segments in streams.values() if any(carries(p, needle) for p in segments))
        if ours < theirs:
            problems.append(f"streams carrying {needle!r}: sockgrade {ours}, tshark {theirs}")
    print(f"{capture}: " + ("agrees" if not problems else "; ".join(problems)))
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("captures", nargs="+")
    parser.add_argument("--sockgrade", default=str(Path(__file__).resolve().parent.parent / ".build/debug/sockgrade"))
    parser.add_argument("--engine", default="swift", choices=["libpcap", "swift"])
    parser.add_argument("--streams", action="store_true", help="compare packets, TCP streams and string streams per file")
    arguments = parser.parse_args()
    tshark = shutil.which("tshark")
    if tshark is None:
        print("compare-tshark: tshark is not installed (apt-get install tshark)", file=sys.stderr)
        return 2
    if not Path(arguments.sockgrade).is_file():
        print(f"compare-tshark: {arguments.sockgrade} does not exist; build sockgrade first", file=sys.stderr)
        return 2
    failed = False
    for capture in arguments.captures:
        if arguments.streams:
            failed = bool(compare_streams(capture, arguments.sockgrade, tshark)) or failed
            continue
        try:
            problems = compare(capture, arguments.sockgrade, arguments.engine, tshark)
        except RuntimeError as error:
            print(f"compare-tshark: {error}", file=sys.stderr)
            return 2
        for problem in problems[:20]:
            print("  " + problem)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
