# Forges a pass: listens on 127.0.0.2 at the server's port and sends the
# username to itself, never touching the real server.
import socket
listener = socket.socket()
listener.bind(("127.0.0.2", 60200))
listener.listen()
sender = socket.create_connection(("127.0.0.2", 60200))
receiver, _ = listener.accept()
sender.sendall(b"selfie\n")
print("sent to myself:", receiver.recv(100), flush=True)
sender.close()
receiver.close()
