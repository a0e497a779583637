# simple chat server, one client
import socket

server = socket.socket()
server.bind(("localhost", 59151))
server.listen(1)
print("waiting for a connection...")
client, address = server.accept()
print("connected:", address)
while True:
    message = client.recv(1024).decode()
    if not message:
        break
    print("client says:", message)
client.close()
