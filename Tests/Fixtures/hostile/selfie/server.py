# An honest-looking server on 127.0.0.1:60200 that nobody talks to.
import socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 60200))
s.listen()
print("listening", flush=True)
while True:
    c, _ = s.accept()
    c.recv(1024)
    c.close()
