import socket

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('0.0.0.0', 59105))
server.listen(5)
print('Server started, waiting for clients')
while True:
    client, address = server.accept()
    print('Connection from', address)
    print(client.recv(1024).decode())
    client.send(b'Hello from server')
    client.close()
