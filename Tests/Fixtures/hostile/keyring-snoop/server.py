import socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 60100))
s.listen()
print("listening", flush=True)
while True:
    c, _ = s.accept()
    c.recv(1024)
    c.close()
