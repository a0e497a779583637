# CS 3357 - Lab 2 (Socket Programming)
# sam
#
# A framed server: every message is a 2-byte length, then the text. It keeps
# a log of who connected, and answers with the message's checksum.
import socket
import struct
import time

HOST = "127.0.0.1"
PORT = 59406
HISTORY = []


def checksum(payload):
    total = 0
    for position, value in enumerate(payload):
        total = (total * 31 + value * (position + 7)) % 65521
    return total


def read_exact(conn, count):
    got = b""
    while len(got) < count:
        part = conn.recv(count - len(got))
        if not part:
            raise ConnectionError("client left after %d of %d bytes" % (len(got), count))
        got += part
    return got


def read_message(conn):
    first = conn.recv(1024)
    if len(first) >= 2 and struct.unpack("!H", first[:2])[0] == len(first) - 2:
        return first[2:]
    # plain text, no length in front
    return first.strip()


def serve(conn, addr):
    t0 = time.monotonic()
    message = read_message(conn)
    HISTORY.append((addr, message, round(time.monotonic() - t0, 3)))
    print("Received:", message.decode(errors="replace"), "from", addr, flush=True)
    reply = "Hi %s! checksum=%05d, %d client(s) so far\n" % (message.decode(errors="replace"), checksum(message), len(HISTORY))
    conn.sendall(reply.encode())


def main():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((HOST, PORT))
    srv.listen(5)
    print(f"Listening on {HOST}:{PORT} ...", flush=True)
    while True:
        conn, addr = srv.accept()
        with conn:
            try:
                serve(conn, addr)
            except ConnectionError as problem:
                print("dropped:", problem, flush=True)


if __name__ == "__main__":
    main()
