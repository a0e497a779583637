import socket

PORT = 59106
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('localhost', PORT))
s.listen()
print('Chat server up on', PORT)
c, a = s.accept()
print('User:', c.recv(100).decode())
c.send(b'hello')
c.close()
