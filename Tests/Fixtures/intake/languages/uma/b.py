import socket
with socket.create_connection(("127.0.0.1", 59640)) as s:
    s.sendall(b"amy\n")
