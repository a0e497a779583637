import socket

sender = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sender.connect(('localhost', 59102))
sender.send('py-sender-receiver'.encode())
print(sender.recv(1024).decode())
sender.close()
