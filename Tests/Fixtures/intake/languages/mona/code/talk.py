import socket, sys

with socket.create_connection((sys.argv[1], int(sys.argv[2]))) as s:
    s.sendall(sys.argv[3].encode() + b"\n")
