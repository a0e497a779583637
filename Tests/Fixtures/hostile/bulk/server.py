# Reads whatever the client sends, as fast as it comes.
import socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 60100))
s.listen()
print("listening", flush=True)
buffer = bytearray(1 << 20)
while True:
    c, _ = s.accept()
    try:
        while c.recv_into(buffer):
            pass
    except OSError:
        pass
    c.close()
