import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(('127.0.0.1', 59104))
s.send('py2-print')
data = s.recv(1024)
s.close()
print "received data:", data
