import socket

sock = socket.create_connection(("127.0.0.1", 59107))
sock.sendall(b"py-listener\n")
sock.close()
