"""
CS lab 2 - part A: the server
author: Heidi Brandt

Usage: python3 tcp_server.py
"""
import socket
import sys

PORT = 59876


def handle(conn, addr):
    print("[+] connection from %s:%d" % addr)
    chunks = []
    while True:
        data = conn.recv(512)
        if not data:
            break
        chunks.append(data)
        if data.endswith(b"\n"):
            break
    msg = b"".join(chunks).decode(errors="replace").strip()
    print("[+] username received: %r" % msg)
    conn.sendall(b"OK " + msg.encode() + b"\n")


def main():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("localhost", PORT))
    except OSError as e:
        print("bind failed:", e)
        sys.exit(1)
    s.listen()
    print("Listening on localhost port %d (ctrl-c to stop)" % PORT)
    sys.stdout.flush()
    try:
        while True:
            conn, addr = s.accept()
            with conn:
                handle(conn, addr)
            sys.stdout.flush()
    except KeyboardInterrupt:
        print("\nbye")
    finally:
        s.close()


if __name__ == "__main__":
    main()
