# ivan - lab2 client
import socket

s = socket.create_connection(("127.0.0.1", 62222))
s.sendall(b"ivan")
s.close()
