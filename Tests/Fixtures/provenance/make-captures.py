#!/usr/bin/env python3
"""Writes the provenance fixture class's captures (issue 16), as a cheat would:
by script, not by capturing. Run from this folder; it writes into class/, and the output is committed.

- nina/capture.pcap: a crafted capture of her username on her own port, but
  with textbook initial sequence numbers (0 and 1) and a packet every 10 ms.
- oscar/capture.pcap: a capture with random-looking ISNs and kernel-like
  timestamps, of oscar's port and username (his own).
- pablo/capture.pcap: the same file as oscar's, byte for byte.
- quinn/capture.pcapng: kernel-like numbers and stamps of her own port and
  username, but a pcapng section whose shb_os names macOS and whose
  shb_userappl names Windows, a LINUX_SLL2 link type neither writes, and
  packets from September 2026, before the hand-out was published.
- rosa, sam, tara, uma: captures of their own port and username, as a
  kernel would write them (their signs are elsewhere: sources, screenshots).
  uma's is from after the submission time roster.csv gives her.
"""
import shutil
import struct
import random


def checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def segment(src_port, dst_port, seq, ack, flags, payload=b""):
    """An Ethernet + IPv4 + TCP frame between 127.0.0.1 and itself."""
    tcp = struct.pack("!HHIIBBHHH", src_port, dst_port, seq, ack, 5 << 4, flags, 65495, 0, 0) + payload
    pseudo = struct.pack("!4s4sBBH", bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1]), 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", checksum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 1, 0x4000, 64, 6, 0, bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1]))
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    return b"\0" * 12 + b"\x08\x00" + ip + tcp


def conversation(client_port, server_port, client_isn, server_isn, payload):
    SYN, ACK, PSH, FIN = 0x02, 0x10, 0x08, 0x01
    c, s = client_isn, server_isn
    n = len(payload)
    return [
        segment(client_port, server_port, c, 0, SYN),
        segment(server_port, client_port, s, c + 1, SYN | ACK),
        segment(client_port, server_port, c + 1, s + 1, ACK),
        segment(client_port, server_port, c + 1, s + 1, PSH | ACK, payload),
        segment(server_port, client_port, s + 1, c + 1 + n, ACK),
        segment(client_port, server_port, c + 1 + n, s + 1, FIN | ACK),
        segment(server_port, client_port, s + 1, c + 2 + n, FIN | ACK),
        segment(client_port, server_port, c + 2 + n, s + 2, ACK),
    ]


def write_pcap(path, frames, stamps):
    with open(path, "wb") as out:
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        for frame, stamp in zip(frames, stamps):
            seconds, micros = divmod(stamp, 1_000_000)
            out.write(struct.pack("<IIII", seconds, micros, len(frame), len(frame)) + frame)


START = 1_796_000_000 * 1_000_000  # November 2026, in microseconds
write_pcap("class/nina/capture.pcap", conversation(40000, 59401, 0, 1, b"nina\n"),
           [START + i * 10_000 for i in range(8)])
write_pcap("class/oscar/capture.pcap", conversation(51234, 59402, 2_913_370_124, 1_170_449_843, b"oscar\n"),
           [START + gap for gap in (0, 37, 52, 311, 329, 1184, 1302, 1319)])
shutil.copyfile("class/oscar/capture.pcap", "class/pablo/capture.pcap")


def option(code, text):
    data = text.encode()
    return struct.pack("<HH", code, len(data)) + data + b"\0" * (-len(data) % 4)


def block(kind, body):
    length = 12 + len(body)
    return struct.pack("<II", kind, length) + body + struct.pack("<I", length)


def write_pcapng(path, frames, stamps, os_name, application, link_type):
    shb = struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1) + option(3, os_name) + option(4, application) + struct.pack("<HH", 0, 0)
    idb = struct.pack("<HHI", link_type, 0, 262144) + struct.pack("<HH", 0, 0)
    with open(path, "wb") as out:
        out.write(block(0x0A0D0D0A, shb) + block(1, idb))
        for frame, stamp in zip(frames, stamps):
            body = struct.pack("<IIIII", 0, stamp >> 32, stamp & 0xFFFFFFFF, len(frame), len(frame))
            out.write(block(6, body + frame + b"\0" * (-len(frame) % 4)))


def sll2(frame):
    """The Ethernet frame's IP packet behind a LINUX_SLL2 header (loopback, outgoing)."""
    return struct.pack("!HHIHBB8s", 0x0800, 0, 1, 772, 4, 6, b"\0" * 8) + frame[14:]


def kernel_stamps(start, count, rng):
    stamps, now = [], start
    for _ in range(count):
        now += rng.randint(9, 400)
        stamps.append(now)
    return stamps


rng = random.Random(16)
SEPTEMBER = 1_788_220_800 * 1_000_000  # 2026-09-01, before the hand-out
write_pcapng("class/quinn/capture.pcapng",
             [sll2(f) for f in conversation(44321, 59404, 3_017_555_120, 2_220_301_877, b"quinn\n")],
             kernel_stamps(SEPTEMBER + 123_457, 8, rng),
             "Mac OS X 14.1, build 23B74 (Darwin 23.1.0)", "Microsoft Network Monitor 3.4 (Windows)", 276)
for student, port, client_port, payload in [
    ("rosa", 59405, 45002, b"\x00\x04rosa"), ("sam", 59406, 45117, b"\x00\x03sam"),
    ("tara", 59407, 46210, b"tara\n"), ("uma", 59408, 47333, b"uma\n"),
]:
    frames = conversation(client_port, port, rng.randint(1 << 20, 1 << 32 - 1), rng.randint(1 << 20, 1 << 32 - 1), payload)
    write_pcap(f"class/{student}/capture.pcap", frames, kernel_stamps(START + rng.randint(1, 10**9), len(frames), rng))
