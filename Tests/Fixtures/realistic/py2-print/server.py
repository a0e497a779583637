# TCP server (Python 2.7), from an old lab repository
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 59104))
s.listen(1)
print "Server listening on port 59104"
conn, addr = s.accept()
print 'Connection address:', addr
data = conn.recv(1024)
print "received data:", data
conn.send(data)
conn.close()
