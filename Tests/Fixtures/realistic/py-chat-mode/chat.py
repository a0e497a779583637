#!/usr/bin/env python3
"""Lab 2 chat program. Usage: python3 chat.py server | python3 chat.py client"""
import socket
import sys

PORT = 59103

def run_server():
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", PORT))
    srv.listen(5)
    print("[server] listening on", PORT)
    conn, addr = srv.accept()
    name = conn.recv(1024).decode().strip()
    print("[server]", name, "joined from", addr)
    conn.sendall(("welcome " + name + "\n").encode())
    conn.close()

def run_client():
    c = socket.socket()
    c.connect(("127.0.0.1", PORT))
    c.sendall(b"py-chat-mode\n")
    print("[client]", c.recv(1024).decode().strip())
    c.close()

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("server", "client"):
        print("usage: chat.py server|client")
        sys.exit(1)
    run_server() if sys.argv[1] == "server" else run_client()
