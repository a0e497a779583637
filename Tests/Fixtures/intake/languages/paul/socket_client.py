import socket

with socket.create_connection(("127.0.0.1", 12000)) as s:
    s.sendall(b"paul\n")
