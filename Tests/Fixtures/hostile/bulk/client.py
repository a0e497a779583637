# Sends its username, then pushes as much over loopback as it can until it
# is stopped: the live capture must keep the first bytes and stay small.
import socket
s = socket.create_connection(("127.0.0.1", 60100))
s.sendall(b"bulk\n")
block = b"x" * (1 << 20)
try:
    while True:
        s.sendall(block)
except OSError:
    pass
