import socket, sys, os
s = socket.create_connection(("127.0.0.1", 60100))
s.sendall(b"segv\n")
s.close()
