import socket

SERVER = '192.168.0.110'   # my laptop's address on the home wifi
PORT = 59105

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((SERVER, PORT))
client.send('py-lan-address'.encode())
print(client.recv(1024).decode())
client.close()
