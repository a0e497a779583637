# Binds port 80, as a student might copy from a web tutorial: must fail as on a laptop.
import socket
s = socket.socket()
s.bind(("127.0.0.1", 80))
s.listen()
while True:
    s.accept()[0].close()
