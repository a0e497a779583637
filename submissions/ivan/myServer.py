# ivan - lab2 server
# binds on all interfaces so i can also test it from my laptop
import socket

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", 62222))
s.listen(10)
print("Listening on 0.0.0.0:62222", flush=True)

while True:
    c, a = s.accept()
    msg = c.recv(100)
    print(a, "->", msg, flush=True)
    c.close()
