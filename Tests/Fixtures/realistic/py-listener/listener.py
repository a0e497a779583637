import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(("127.0.0.1", 59107))
sock.listen(1)
conn, _ = sock.accept()
print("heard:", conn.recv(512).decode())
conn.close()
