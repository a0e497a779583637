import socket
import sys

if len(sys.argv) != 2:
    print("Usage: python3 server.py <port>")
    sys.exit(1)

port = int(sys.argv[1])
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.bind(("127.0.0.1", port))
sock.listen(1)
print("listening on port", port)
conn, addr = sock.accept()
print("got:", conn.recv(1024).decode())
conn.close()
