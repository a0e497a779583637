# Lab 2 - client
# Based on Tech With Tim, "Sockets Tutorial with Python 3 part 1"
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((socket.gethostname(), 59412))
s.send(bytes("mia", "utf-8"))

msg = s.recv(1024)
print(msg.decode("utf-8"))
