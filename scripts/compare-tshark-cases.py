#!/usr/bin/env python3
"""Write the decoding edge cases as small captures, for compare-tshark.py.

    scripts/compare-tshark-cases.py OUTDIR

Each file re-frames the packets of the class's captures (alice: IPv4, dave:
IPv6) the way some capture of the wild would hold them: 802.1Q and QinQ
tags, IPv4 options, Ethernet padding, IPv6 extension headers, a snap length
that cuts options and payloads (caplen < len), DLT_NULL with the BSD IPv6
family values in both byte orders, and DLT_LOOP. compare-tshark.py then checks that sockgrade
and tshark decode every frame alike.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pcaptool import Packet, read_capture, strip_link, write_pcap  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def ip_packets(capture: str) -> list[tuple[int, bytes]]:
    cap = read_capture(str(ROOT / capture))
    return [(p.ts_ns, strip_link(cap.interfaces[p.iface].linktype, p.data).payload) for p in cap.packets]


def ipv4_checksum(header: bytes) -> bytes:
    total = sum(struct.unpack(f">{len(header) // 2}H", header))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return struct.pack(">H", ~total & 0xFFFF)


def with_ipv4_options(ip: bytes) -> bytes:
    """IHL 6: three NOPs and End of Options List after the 20-byte header."""
    header = bytearray(ip[:20])
    header[0] = 0x46
    struct.pack_into(">H", header, 2, struct.unpack_from(">H", ip, 2)[0] + 4)
    header[10:12] = b"\0\0"
    header += b"\x01\x01\x01\x00"
    header[10:12] = ipv4_checksum(bytes(header))
    return bytes(header) + ip[20:]


def with_ipv6_extensions(ip: bytes) -> bytes:
    """Hop-by-hop and destination options (8 bytes each, PadN) before TCP."""
    next_header = ip[6]
    header = bytearray(ip[:40])
    struct.pack_into(">H", header, 4, struct.unpack_from(">H", ip, 4)[0] + 16)
    header[6] = 0  # hop-by-hop
    hop_by_hop = bytes([60, 0, 1, 4, 0, 0, 0, 0])  # next: destination options
    destination = bytes([next_header, 0, 1, 4, 0, 0, 0, 0])
    return bytes(header) + hop_by_hop + destination + ip[40:]


def ethernet(ip: bytes, tags: list[int] = ()) -> bytes:
    ethertype = 0x0800 if ip[0] >> 4 == 4 else 0x86DD
    frame = b"\0" * 12
    for tpid, vlan in tags:
        frame += struct.pack(">HH", tpid, vlan)
    return frame + struct.pack(">H", ethertype) + ip


def packets(frames: list[tuple[int, bytes]], snaplen: int | None = None) -> list[Packet]:
    result = []
    for ts, frame in frames:
        data = frame if snaplen is None else frame[:snaplen]
        result.append(Packet(ts_ns=ts, data=data, orig_len=len(frame)))
    return result


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    v4 = ip_packets("submissions/alice/capture.pcapng")
    v6 = ip_packets("submissions/dave/dave_capture.pcapng")
    both = v4 + v6

    def write(name: str, frames: list[tuple[int, bytes]], linktype: int, big_endian: bool = False, snaplen: int | None = None) -> None:
        write_pcap(str(out / name), packets(frames, snaplen), linktype, 262144, big_endian, False)

    write("vlan.pcap", [(ts, ethernet(ip, [(0x8100, 100)] if i % 2 else [(0x88A8, 200), (0x8100, 100)]))
                        for i, (ts, ip) in enumerate(both)], 1)
    write("ipv4-options.pcap", [(ts, with_ipv4_options(ip)) for ts, ip in v4], 101)
    write("ethernet-padding.pcap", [(ts, ethernet(ip).ljust(60, b"\0")) for ts, ip in v4], 1)
    write("ipv6-extensions.pcap", [(ts, with_ipv6_extensions(ip)) for ts, ip in v6], 101)
    # Cut 16 bytes into the TCP header: inside a SYN's 40-byte options, 4 bytes into data.
    write("snaplen-ipv4.pcap", [(ts, ethernet(ip)) for ts, ip in v4], 1, snaplen=14 + 20 + 36)
    write("snaplen-ipv6.pcap", [(ts, ethernet(ip)) for ts, ip in v6], 1, snaplen=14 + 40 + 36)
    # 23 (Windows AF_INET6) is left out: sockgrade decodes it (see
    # PacketDecodingTests), tshark 3.x/4.0 does not recognise it.
    families = [24, 28, 30]
    null_frames = []
    for i, (ts, ip) in enumerate(both):
        family = 2 if ip[0] >> 4 == 4 else families[i % len(families)]
        # The family in the file's own order, or (every third frame) the other one.
        null_frames.append((ts, struct.pack("<I" if i % 3 else ">I", family) + ip))
    write("null-families.pcap", null_frames, 0, big_endian=True)
    write("loop.pcap", [(ts, struct.pack(">I", 2 if ip[0] >> 4 == 4 else 24) + ip) for ts, ip in both], 108)
    return 0


if __name__ == "__main__":
    sys.exit(main())
