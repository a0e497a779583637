import socket

s = socket.socket()
s.connect(('localhost', 59106))
s.send(b'py-spaces')
print(s.recv(100).decode())
s.close()
