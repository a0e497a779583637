import socket

receiver = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
receiver.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
receiver.bind(('localhost', 59102))
receiver.listen(1)
print('receiver waiting...')
conn, addr = receiver.accept()
msg = conn.recv(1024).decode()
print('got', msg, 'from', addr)
conn.send(('ACK ' + msg).encode())
conn.close()
receiver.close()
