# Forges a pass for its client: connects to its own listener and sends the
# username itself, while the client does nothing.
import socket, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 60201))
s.listen()
talker = socket.create_connection(("127.0.0.1", 60201))
accepted, _ = s.accept()
talker.sendall(b"selftalk\n")
accepted.recv(100)
print("talked to myself", flush=True)
while True:
    time.sleep(1)
