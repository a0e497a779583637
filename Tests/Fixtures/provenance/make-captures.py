#!/usr/bin/env python3
"""Writes the provenance fixture class's captures (issue 16), as a cheat would:
by script, not by capturing. Run from this folder; it writes into class/, and the output is committed.

- nina/capture.pcap: a crafted capture of her username on her own port, but
  with textbook initial sequence numbers (0 and 1) and a packet every 10 ms.
- oscar/capture.pcap: a capture with random-looking ISNs and kernel-like
  timestamps, of oscar's port and username (his own).
- pablo/capture.pcap: the same file as oscar's, byte for byte.
"""
import shutil
import struct


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
