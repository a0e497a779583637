import socket
import sys

if len(sys.argv) != 3:
    print("Usage: python3 client.py <host> <port>")
    sys.exit(1)

host, port = sys.argv[1], int(sys.argv[2])
sock = socket.create_connection((host, port))
sock.sendall(b"argvpy")
sock.close()
