# credit: https://realpython.com/python-sockets/
import socket

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 59640))
s.listen()
while True:
    c, _ = s.accept()
    print("got", c.recv(1024), flush=True)
    c.close()
