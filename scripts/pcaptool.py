#!/usr/bin/env python3
"""Convert, cut and inspect small loopback captures (Python 3 stdlib only).

Used by scripts/make-captures.sh to turn what tcpdump wrote into the formats
students hand in: classic pcap or pcapng, any byte order, micro- or nanosecond
timestamps, and the link layers that loopback captures come with on the
common systems.

    pcaptool.py convert IN OUT --format pcap|pcapng
                               --linktype EN10MB|NULL|RAW|LINUX_SLL|LINUX_SLL2
                               [--big-endian] [--nanosecond]
                               [--if-name NAME] [--os TEXT] [--userappl TEXT]
                               [--hardware TEXT] [--isb]
    pcaptool.py truncate IN OUT --cut-in-record N
    pcaptool.py list IN
    pcaptool.py check IN [--payload TEXT] [--closed]

IN may be classic pcap (either byte order, us or ns) or pcapng. Link-layer
conversion strips the source link header down to the IP packet and builds the
target one:

    EN10MB      14 bytes: zero destination and source MAC, EtherType
                (what Linux `lo` gives).
    NULL        4-byte address family in the file's byte order: 2 for IPv4,
                24 for IPv6 (BSD/macOS lo0, Npcap loopback).
    RAW         nothing, the packet starts with the IP header (RawCap).
    LINUX_SLL   16 bytes: packet type, ARPHRD_LOOPBACK (772), address length
                6, 8 address bytes, protocol (tcpdump -i any, v1).
    LINUX_SLL2  20 bytes: protocol, reserved, interface index, ARPHRD, packet
                type, address length, 8 address bytes (tcpdump -i any, v2).

When reading NULL the family value is not trusted (BSDs disagree on IPv6:
24, 28 or 30); the IP version nibble decides.

`truncate` copies IN up to the middle of packet record N (1-based), the way a
file looks when the writer was killed or the upload was cut: the global header
and records 1..N-1 are whole, record N stops inside its packet data.

`list` prints one line per packet; `check` exits 0 when every check asked for
holds (the client-to-server stream of some TCP connection contains TEXT; every
TCP connection seen was closed by FIN in both directions, both acknowledged,
or by RST). make-captures.sh polls `check --closed` to know tcpdump has
written the whole conversation before it stops tcpdump.
"""

from __future__ import annotations

import argparse
import ipaddress
import struct
import sys
from dataclasses import dataclass, field

# --------------------------------------------------------------------------
# Link types and constants

LINKTYPES = {
    "NULL": 0,
    "EN10MB": 1,
    "RAW": 101,
    "LINUX_SLL": 113,
    "LINUX_SLL2": 276,
}
LINKTYPE_NAMES = {v: k for k, v in LINKTYPES.items()}
# DLT_RAW has other numbers on some systems; read them as RAW.
RAW_ALIASES = {12, 14, 101}

ETHERTYPE_IPV4 = 0x0800
ETHERTYPE_IPV6 = 0x86DD
ARPHRD_LOOPBACK = 772
PACKET_HOST = 0  # what `tcpdump -i any` shows as "In" on lo
LO_IFINDEX = 1

PCAP_MAGIC_US = 0xA1B2C3D4
PCAP_MAGIC_NS = 0xA1B23C4D
PCAPNG_SHB = 0x0A0D0D0A
PCAPNG_BOM = 0x1A2B3C4D
PCAPNG_IDB = 0x00000001
PCAPNG_PB = 0x00000002  # obsolete Packet Block
PCAPNG_SPB = 0x00000003
PCAPNG_ISB = 0x00000005
PCAPNG_EPB = 0x00000006

DEFAULT_SNAPLEN = 262144


class CaptureError(Exception):
    """The input is not a capture this tool can read, or cannot be converted."""


@dataclass
class Interface:
    linktype: int
    snaplen: int = DEFAULT_SNAPLEN
    name: str | None = None


@dataclass
class Packet:
    ts_ns: int
    data: bytes
    orig_len: int
    iface: int = 0


@dataclass
class Capture:
    kind: str  # "pcap" or "pcapng"
    big_endian: bool
    nanosecond: bool
    interfaces: list[Interface] = field(default_factory=list)
    packets: list[Packet] = field(default_factory=list)
    # Byte offset of each packet record/block, for `truncate`.
    record_offsets: list[int] = field(default_factory=list)
    record_lengths: list[int] = field(default_factory=list)
    truncated: str | None = None  # why reading stopped early, if it did


# --------------------------------------------------------------------------
# Reading


def read_capture(path: str) -> Capture:
    with open(path, "rb") as f:
        buf = f.read()
    if len(buf) < 4:
        raise CaptureError(f"{path}: {len(buf)} bytes, too short for any capture header")
    magic_le = struct.unpack_from("<I", buf)[0]
    if magic_le == PCAPNG_SHB:
        return _read_pcapng(path, buf)
    for endian in ("<", ">"):
        magic = struct.unpack_from(endian + "I", buf)[0]
        if magic in (PCAP_MAGIC_US, PCAP_MAGIC_NS):
            return _read_pcap(path, buf, endian, magic == PCAP_MAGIC_NS)
    raise CaptureError(f"{path}: not a pcap or pcapng file (starts with {buf[:8].hex()})")


def _read_pcap(path: str, buf: bytes, endian: str, ns: bool) -> Capture:
    if len(buf) < 24:
        raise CaptureError(f"{path}: pcap global header cut short ({len(buf)} of 24 bytes)")
    _magic, _vmaj, _vmin, _zone, _sigfigs, snaplen, network = struct.unpack_from(endian + "IHHiIII", buf)
    linktype = network & 0x03FFFFFF
    cap = Capture("pcap", endian == ">", ns, [Interface(linktype, snaplen)])
    off = 24
    while off < len(buf):
        if off + 16 > len(buf):
            cap.truncated = f"record header at offset {off} cut short"
            break
        sec, frac, incl, orig = struct.unpack_from(endian + "IIII", buf, off)
        if off + 16 + incl > len(buf):
            cap.truncated = (
                f"record {len(cap.packets) + 1} at offset {off} cut short: "
                f"{len(buf) - off - 16} of {incl} packet bytes"
            )
            break
        ts = sec * 1_000_000_000 + (frac if ns else frac * 1000)
        cap.packets.append(Packet(ts, buf[off + 16 : off + 16 + incl], orig, 0))
        cap.record_offsets.append(off)
        cap.record_lengths.append(16 + incl)
        off += 16 + incl
    return cap


def _pcapng_options(buf: bytes, endian: str, start: int, end: int) -> dict[int, list[bytes]]:
    opts: dict[int, list[bytes]] = {}
    off = start
    while off + 4 <= end:
        code, length = struct.unpack_from(endian + "HH", buf, off)
        if code == 0:
            break
        value = buf[off + 4 : off + 4 + length]
        opts.setdefault(code, []).append(value)
        off += 4 + ((length + 3) & ~3)
    return opts


def _read_pcapng(path: str, buf: bytes) -> Capture:
    cap: Capture | None = None
    endian = "<"
    tsresol: list[int] = []  # units per second, per interface of this section
    off = 0
    while off < len(buf):
        if off + 12 > len(buf):
            assert cap is not None
            cap.truncated = f"block header at offset {off} cut short"
            break
        btype = struct.unpack_from(endian + "I", buf, off)[0]
        if btype == PCAPNG_SHB or cap is None:
            if struct.unpack_from("<I", buf, off)[0] != PCAPNG_SHB:
                raise CaptureError(f"{path}: pcapng section does not start with a Section Header Block")
            bom = buf[off + 8 : off + 12]
            if bom == struct.pack("<I", PCAPNG_BOM):
                endian = "<"
            elif bom == struct.pack(">I", PCAPNG_BOM):
                endian = ">"
            else:
                raise CaptureError(f"{path}: pcapng byte-order magic {bom.hex()} is not 1a2b3c4d")
            if cap is None:
                cap = Capture("pcapng", endian == ">", False)
            base = len(cap.interfaces)
            tsresol = []
        blen = struct.unpack_from(endian + "I", buf, off + 4)[0]
        if blen < 12 or blen % 4:
            raise CaptureError(f"{path}: pcapng block at offset {off} has bad length {blen}")
        if off + blen > len(buf):
            cap.truncated = f"block at offset {off} cut short: {len(buf) - off} of {blen} bytes"
            break
        body = off + 8
        end = off + blen - 4
        if btype == PCAPNG_IDB:
            linktype, _res, snaplen = struct.unpack_from(endian + "HHI", buf, body)
            opts = _pcapng_options(buf, endian, body + 8, end)
            name = opts.get(2, [b""])[0].decode("utf-8", "replace") or None
            resol = 1_000_000
            if 9 in opts and opts[9][0]:
                r = opts[9][0][0]
                resol = 2 ** (r & 0x7F) if r & 0x80 else 10 ** r
            tsresol.append(resol)
            cap.interfaces.append(Interface(linktype, snaplen, name))
            if resol >= 1_000_000_000:
                cap.nanosecond = True
        elif btype in (PCAPNG_EPB, PCAPNG_PB):
            if btype == PCAPNG_EPB:
                iface, hi, lo, incl, orig = struct.unpack_from(endian + "IIIII", buf, body)
            else:
                iface, _drops, hi, lo, incl, orig = struct.unpack_from(endian + "HHIIII", buf, body)
            if iface >= len(tsresol):
                raise CaptureError(f"{path}: packet block at offset {off} names interface {iface}, not described")
            ticks = (hi << 32) | lo
            ts = ticks * 1_000_000_000 // tsresol[iface]
            data = buf[body + 20 : body + 20 + incl]
            cap.packets.append(Packet(ts, data, orig, base + iface))
            cap.record_offsets.append(off)
            cap.record_lengths.append(blen)
        elif btype == PCAPNG_SPB:
            orig = struct.unpack_from(endian + "I", buf, body)[0]
            snap = cap.interfaces[base].snaplen if len(cap.interfaces) > base else 0
            incl = min(orig, snap) if snap else orig
            cap.packets.append(Packet(0, buf[body + 4 : body + 4 + incl], orig, base))
            cap.record_offsets.append(off)
            cap.record_lengths.append(blen)
        off += blen
    assert cap is not None
    return cap


# --------------------------------------------------------------------------
# Link layer: strip to IP, build again


@dataclass
class L3:
    ethertype: int
    payload: bytes  # starts with the IP header
    pkttype: int = PACKET_HOST
    ifindex: int = LO_IFINDEX
    hatype: int = ARPHRD_LOOPBACK
    addr: bytes = b"\x00" * 6


def _ethertype_from_version(ip: bytes) -> int:
    if not ip:
        raise CaptureError("empty packet, no IP header")
    version = ip[0] >> 4
    if version == 4:
        return ETHERTYPE_IPV4
    if version == 6:
        return ETHERTYPE_IPV6
    raise CaptureError(f"IP version nibble {version} is neither 4 nor 6")


def strip_link(linktype: int, data: bytes) -> L3:
    if linktype == 1:  # EN10MB
        if len(data) < 14:
            raise CaptureError(f"Ethernet frame of {len(data)} bytes")
        etype = struct.unpack_from(">H", data, 12)[0]
        off = 14
        while etype in (0x8100, 0x88A8) and len(data) >= off + 4:  # VLAN tags
            etype = struct.unpack_from(">H", data, off + 2)[0]
            off += 4
        return L3(etype, data[off:])
    if linktype == 0:  # NULL / loopback
        if len(data) < 4:
            raise CaptureError(f"DLT_NULL packet of {len(data)} bytes")
        ip = data[4:]
        return L3(_ethertype_from_version(ip), ip)
    if linktype in RAW_ALIASES:
        return L3(_ethertype_from_version(data), data)
    if linktype == 113:  # LINUX_SLL
        if len(data) < 16:
            raise CaptureError(f"LINUX_SLL packet of {len(data)} bytes")
        pkttype, hatype, alen = struct.unpack_from(">HHH", data, 0)
        proto = struct.unpack_from(">H", data, 14)[0]
        return L3(proto, data[16:], pkttype, LO_IFINDEX, hatype, data[6 : 6 + min(alen, 8)])
    if linktype == 276:  # LINUX_SLL2
        if len(data) < 20:
            raise CaptureError(f"LINUX_SLL2 packet of {len(data)} bytes")
        proto, _res, ifindex, hatype, pkttype, alen = struct.unpack_from(">HHIHBB", data, 0)
        return L3(proto, data[20:], pkttype, ifindex, hatype, data[12 : 12 + min(alen, 8)])
    raise CaptureError(f"link type {linktype} is not one this tool converts")


def build_link(linktype: int, l3: L3, endian: str) -> bytes:
    if linktype == 1:
        return b"\x00" * 12 + struct.pack(">H", l3.ethertype) + l3.payload
    if linktype == 0:
        if l3.ethertype == ETHERTYPE_IPV4:
            family = 2
        elif l3.ethertype == ETHERTYPE_IPV6:
            family = 24
        else:
            raise CaptureError(f"EtherType 0x{l3.ethertype:04x} has no DLT_NULL family")
        return struct.pack(endian + "I", family) + l3.payload
    if linktype == 101:
        if l3.ethertype not in (ETHERTYPE_IPV4, ETHERTYPE_IPV6):
            raise CaptureError(f"EtherType 0x{l3.ethertype:04x} cannot be written as raw IP")
        return l3.payload
    addr = (l3.addr + b"\x00" * 8)[:8]
    alen = max(len(l3.addr), 6) if l3.hatype == ARPHRD_LOOPBACK else len(l3.addr)
    if linktype == 113:
        return struct.pack(">HHH", l3.pkttype, l3.hatype, alen) + addr + struct.pack(">H", l3.ethertype) + l3.payload
    if linktype == 276:
        return (
            struct.pack(">HHIHBB", l3.ethertype, 0, l3.ifindex, l3.hatype, l3.pkttype, alen) + addr + l3.payload
        )
    raise CaptureError(f"cannot build link type {linktype}")


LINK_HEADER_LEN = {0: 4, 1: 14, 101: 0, 113: 16, 276: 20}


def convert_packets(cap: Capture, target: int, endian: str) -> list[Packet]:
    out = []
    for n, p in enumerate(cap.packets, 1):
        src = cap.interfaces[p.iface].linktype
        try:
            l3 = strip_link(src, p.data)
            data = build_link(target, l3, endian)
        except CaptureError as e:
            raise CaptureError(f"packet {n}: {e}") from None
        header_delta = (len(data) - len(l3.payload)) - (len(p.data) - len(l3.payload))
        out.append(Packet(p.ts_ns, data, max(p.orig_len + header_delta, len(data)), p.iface))
    return out


# --------------------------------------------------------------------------
# Writing


def write_pcap(path: str, packets: list[Packet], linktype: int, snaplen: int, big_endian: bool, ns: bool) -> None:
    e = ">" if big_endian else "<"
    parts = [struct.pack(e + "IHHiIII", PCAP_MAGIC_NS if ns else PCAP_MAGIC_US, 2, 4, 0, 0, snaplen, linktype)]
    for p in packets:
        sec, rem = divmod(p.ts_ns, 1_000_000_000)
        frac = rem if ns else rem // 1000
        parts.append(struct.pack(e + "IIII", sec, frac, len(p.data), p.orig_len))
        parts.append(p.data)
    with open(path, "wb") as f:
        f.write(b"".join(parts))


def _opt(e: str, code: int, value: bytes) -> bytes:
    pad = (-len(value)) % 4
    return struct.pack(e + "HH", code, len(value)) + value + b"\x00" * pad


def _block(e: str, btype: int, body: bytes) -> bytes:
    length = 12 + len(body)
    return struct.pack(e + "II", btype, length) + body + struct.pack(e + "I", length)


def _options(e: str, opts: list[tuple[int, bytes]]) -> bytes:
    if not opts:
        return b""
    return b"".join(_opt(e, c, v) for c, v in opts) + struct.pack(e + "HH", 0, 0)


def write_pcapng(
    path: str,
    packets: list[Packet],
    interfaces: list[Interface],
    big_endian: bool,
    ns: bool,
    os_name: str | None = None,
    userappl: str | None = None,
    hardware: str | None = None,
    with_isb: bool = False,
) -> None:
    """Write one section: SHB, one IDB per interface, one EPB per packet,
    and (with_isb) an Interface Statistics Block per interface at the end,
    as dumpcap does when the capture stops."""
    e = ">" if big_endian else "<"
    resol = 1_000_000_000 if ns else 1_000_000
    shb_opts = []
    if hardware:
        shb_opts.append((2, hardware.encode()))
    if os_name:
        shb_opts.append((3, os_name.encode()))
    if userappl:
        shb_opts.append((4, userappl.encode()))
    parts = [_block(e, PCAPNG_SHB, struct.pack(e + "IHHq", PCAPNG_BOM, 1, 0, -1) + _options(e, shb_opts))]
    for iface in interfaces:
        idb_opts = []
        if iface.name:
            idb_opts.append((2, iface.name.encode()))
        if ns:
            idb_opts.append((9, bytes([9])))
        if os_name:
            idb_opts.append((12, os_name.encode()))
        body = struct.pack(e + "HHI", iface.linktype, 0, iface.snaplen) + _options(e, idb_opts)
        parts.append(_block(e, PCAPNG_IDB, body))
    for p in packets:
        ticks = p.ts_ns * resol // 1_000_000_000
        pad = (-len(p.data)) % 4
        body = struct.pack(e + "IIIII", p.iface, ticks >> 32, ticks & 0xFFFFFFFF, len(p.data), p.orig_len)
        parts.append(_block(e, PCAPNG_EPB, body + p.data + b"\x00" * pad))
    if with_isb:
        for i, _iface in enumerate(interfaces):
            mine = [p for p in packets if p.iface == i]
            first = mine[0].ts_ns if mine else 0
            last = mine[-1].ts_ns if mine else 0

            def ts(t: int) -> bytes:
                ticks = t * resol // 1_000_000_000
                return struct.pack(e + "II", ticks >> 32, ticks & 0xFFFFFFFF)

            opts = [
                (2, ts(first)),  # isb_starttime
                (3, ts(last)),  # isb_endtime
                (4, struct.pack(e + "Q", len(mine))),  # isb_ifrecv
                (5, struct.pack(e + "Q", 0)),  # isb_ifdrop
            ]
            body = struct.pack(e + "I", i) + ts(last) + _options(e, opts)
            parts.append(_block(e, PCAPNG_ISB, body))
    with open(path, "wb") as f:
        f.write(b"".join(parts))


# --------------------------------------------------------------------------
# Decoding IP/TCP for `list` and `check`


@dataclass
class Segment:
    index: int
    src: tuple[str, int]
    dst: tuple[str, int]
    seq: int
    ack: int
    flags: int
    payload: bytes


FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def _addr(b: bytes) -> str:
    return str(ipaddress.ip_address(b))


def decode_tcp(index: int, l3: L3) -> Segment | None:
    ip = l3.payload
    if l3.ethertype == ETHERTYPE_IPV4 and len(ip) >= 20:
        ihl = (ip[0] & 0x0F) * 4
        total = struct.unpack_from(">H", ip, 2)[0]
        if ip[9] != 6 or len(ip) < ihl + 20:
            return None
        src, dst = _addr(ip[12:16]), _addr(ip[16:20])
        tcp = ip[ihl:total]
    elif l3.ethertype == ETHERTYPE_IPV6 and len(ip) >= 40:
        plen = struct.unpack_from(">H", ip, 4)[0]
        if ip[6] != 6:
            return None
        src, dst = _addr(ip[8:24]), _addr(ip[24:40])
        tcp = ip[40 : 40 + plen]
    else:
        return None
    if len(tcp) < 20:
        return None
    sport, dport, seq, ack, off_flags = struct.unpack_from(">HHIIH", tcp)
    doff = (off_flags >> 12) * 4
    return Segment(index, (src, sport), (dst, dport), seq, ack, off_flags & 0x3F, tcp[doff:])


def segments(cap: Capture) -> list[Segment]:
    segs = []
    for n, p in enumerate(cap.packets, 1):
        try:
            l3 = strip_link(cap.interfaces[p.iface].linktype, p.data)
        except CaptureError:
            continue
        s = decode_tcp(n, l3)
        if s:
            segs.append(s)
    return segs


@dataclass
class Connection:
    client: tuple[str, int]
    server: tuple[str, int]
    segs: list[Segment] = field(default_factory=list)

    def stream(self, from_client: bool) -> bytes:
        """Payload of one direction in sequence order; retransmitted or
        overlapping bytes are taken once, gaps are closed up."""
        src = self.client if from_client else self.server
        mine = [s for s in self.segs if s.src == src]
        syn = next((s for s in mine if s.flags & SYN), None)
        data_segs = [s for s in mine if s.payload]
        if not data_segs:
            return b""
        base = (syn.seq + 1) if syn else data_segs[0].seq
        pieces = sorted({(((s.seq - base) & 0xFFFFFFFF), s.payload) for s in data_segs})
        out = bytearray()
        covered = None  # relative offset just past the bytes taken so far
        for rel, data in pieces:
            if covered is not None and rel < covered:
                data = data[covered - rel :]
                rel = covered
            out += data
            covered = rel + len(data) if covered is None else max(covered, rel + len(data))
        return bytes(out)

    def closed(self) -> bool:
        if any(s.flags & RST for s in self.segs):
            return True
        for side, other in ((self.client, self.server), (self.server, self.client)):
            fins = [s for s in self.segs if s.src == side and s.flags & FIN]
            if not fins:
                return False
            fin_end = (fins[0].seq + len(fins[0].payload) + 1) & 0xFFFFFFFF
            if not any(
                s.src == other and s.flags & ACK and ((s.ack - fin_end) & 0xFFFFFFFF) < 0x80000000
                for s in self.segs
                if s.index > fins[0].index
            ):
                return False
        return True


def connections(segs: list[Segment]) -> list[Connection]:
    conns: dict[frozenset, Connection] = {}
    order = []
    for s in segs:
        key = frozenset((s.src, s.dst))
        if key not in conns:
            if s.flags & SYN and s.flags & ACK:
                conns[key] = Connection(s.dst, s.src)
            elif s.flags & SYN:
                conns[key] = Connection(s.src, s.dst)
            else:  # no handshake seen: guess the higher (ephemeral) port is the client
                c, v = (s.src, s.dst) if s.src[1] > s.dst[1] else (s.dst, s.src)
                conns[key] = Connection(c, v)
            order.append(key)
        conns[key].segs.append(s)
    return [conns[k] for k in order]


def _flag_text(f: int) -> str:
    return "".join(ch for bit, ch in ((SYN, "S"), (FIN, "F"), (RST, "R"), (PSH, "P"), (ACK, ".")) if f & bit) or "-"


# --------------------------------------------------------------------------
# Truncation


def truncate(src: str, dst: str, record: int) -> tuple[int, int]:
    cap = read_capture(src)
    if not 1 <= record <= len(cap.record_offsets):
        raise CaptureError(f"{src} has {len(cap.record_offsets)} packet records; cannot cut in record {record}")
    with open(src, "rb") as f:
        buf = f.read()
    start = cap.record_offsets[record - 1]
    length = cap.record_lengths[record - 1]
    if cap.kind == "pcap":
        data_len = length - 16
        cut = start + 16 + max(1, data_len // 2)
    else:
        cut = start + 28 + max(1, (length - 32) // 2)  # inside the EPB's packet data
    with open(dst, "wb") as f:
        f.write(buf[:cut])
    return cut, len(buf)


# --------------------------------------------------------------------------
# CLI


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)

    c = sub.add_parser("convert", help="rewrite a capture in another format / link type")
    c.add_argument("input")
    c.add_argument("output")
    c.add_argument("--format", choices=["pcap", "pcapng"], required=True)
    c.add_argument("--linktype", choices=list(LINKTYPES), required=True)
    c.add_argument("--big-endian", action="store_true", help="write the file in big-endian byte order")
    c.add_argument("--nanosecond", action="store_true", help="nanosecond timestamps (pcap magic a1b23c4d / if_tsresol 9)")
    c.add_argument("--snaplen", type=int, default=None)
    c.add_argument("--if-name", default=None, help="pcapng if_name for every interface (default: keep, else 'lo')")
    c.add_argument("--os", default=None, help="pcapng shb_os / if_os text")
    c.add_argument("--userappl", default=None, help="pcapng shb_userappl text")
    c.add_argument("--hardware", default=None, help="pcapng shb_hardware text")
    c.add_argument("--isb", action="store_true", help="end the pcapng with Interface Statistics Blocks")

    t = sub.add_parser("truncate", help="cut a file in the middle of a packet record")
    t.add_argument("input")
    t.add_argument("output")
    t.add_argument("--cut-in-record", type=int, required=True, metavar="N", help="1-based packet record to cut inside")

    ls = sub.add_parser("list", help="one line per packet")
    ls.add_argument("input")

    ck = sub.add_parser("check", help="exit 0 when the asked-for facts hold")
    ck.add_argument("input")
    ck.add_argument("--payload", default=None, help="text some client-to-server TCP stream must contain")
    ck.add_argument("--closed", action="store_true", help="every TCP connection seen is closed (FINs acked, or RST)")
    ck.add_argument("--quiet", action="store_true")

    a = ap.parse_args(argv)
    try:
        if a.cmd == "convert":
            return _cmd_convert(a)
        if a.cmd == "truncate":
            cut, total = truncate(a.input, a.output, a.cut_in_record)
            print(f"{a.output}: kept {cut} of {total} bytes (cut inside record {a.cut_in_record})")
            return 0
        if a.cmd == "list":
            return _cmd_list(a)
        if a.cmd == "check":
            return _cmd_check(a)
    except (CaptureError, OSError) as e:
        print(f"pcaptool: {e}", file=sys.stderr)
        return 2
    return 2


def _cmd_convert(a: argparse.Namespace) -> int:
    cap = read_capture(a.input)
    if cap.truncated:
        print(f"pcaptool: warning: {a.input}: {cap.truncated}", file=sys.stderr)
    target = LINKTYPES[a.linktype]
    endian = ">" if a.big_endian else "<"
    packets = convert_packets(cap, target, endian)
    snaplen = a.snaplen or max((i.snaplen for i in cap.interfaces), default=DEFAULT_SNAPLEN) or DEFAULT_SNAPLEN
    if a.format == "pcap":
        write_pcap(a.output, packets, target, snaplen, a.big_endian, a.nanosecond)
    else:
        ifaces = [
            Interface(target, a.snaplen or i.snaplen or DEFAULT_SNAPLEN, a.if_name or i.name or "lo")
            for i in cap.interfaces
        ]
        write_pcapng(a.output, packets, ifaces, a.big_endian, a.nanosecond, a.os, a.userappl, a.hardware, a.isb)
    print(
        f"{a.output}: {len(packets)} packets, {a.format}, {a.linktype}, "
        f"{'big' if a.big_endian else 'little'}-endian, {'ns' if a.nanosecond else 'us'}"
    )
    return 0


def _cmd_list(a: argparse.Namespace) -> int:
    cap = read_capture(a.input)
    names = ", ".join(LINKTYPE_NAMES.get(i.linktype, str(i.linktype)) for i in cap.interfaces)
    print(
        f"# {cap.kind}, {'big' if cap.big_endian else 'little'}-endian, "
        f"{'ns' if cap.nanosecond else 'us'}, link {names}, {len(cap.packets)} packets"
    )
    by_index = {s.index: s for s in segments(cap)}
    for n, p in enumerate(cap.packets, 1):
        s = by_index.get(n)
        t = f"{p.ts_ns // 1_000_000_000}.{p.ts_ns % 1_000_000_000:09d}"
        if s:
            print(
                f"{n} {t} {s.src[0]}.{s.src[1]} > {s.dst[0]}.{s.dst[1]} "
                f"[{_flag_text(s.flags)}] len={len(s.payload)} {s.payload[:40]!r}"
            )
        else:
            print(f"{n} {t} non-TCP {len(p.data)} bytes")
    if cap.truncated:
        print(f"# truncated: {cap.truncated}")
    return 0


def _cmd_check(a: argparse.Namespace) -> int:
    cap = read_capture(a.input)
    conns = connections(segments(cap))
    ok = True
    notes = []
    if not conns:
        ok = False
        notes.append("no TCP connection")
    if a.payload is not None:
        want = a.payload.encode()
        hit = [c for c in conns if want in c.stream(from_client=True)]
        if hit:
            c = hit[0]
            notes.append(f"payload {a.payload!r} in {c.client[0]}.{c.client[1]} -> {c.server[0]}.{c.server[1]}")
        else:
            ok = False
            streams = [c.stream(from_client=True)[:60] for c in conns]
            notes.append(f"payload {a.payload!r} not in any client-to-server stream {streams}")
    if a.closed:
        open_ = [c for c in conns if not c.closed()]
        if open_:
            ok = False
            notes.append(f"{len(open_)} connection(s) not closed yet")
    if cap.truncated:
        notes.append(f"truncated: {cap.truncated}")
    if not a.quiet:
        print(f"{a.input}: {'ok' if ok else 'NOT ok'}: {len(cap.packets)} packets, {len(conns)} connection(s); " + "; ".join(notes))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
