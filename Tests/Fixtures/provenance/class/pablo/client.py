# CS 3357 - Lab 2 (Socket Programming)
# pablo
#
# TCP client: connects to my server and sends my username instead of
# "Hello World".
import socket

HOST = "127.0.0.1"
PORT = 59403
USERNAME = "pablo"

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    print("Connected to", (HOST, PORT))
    s.sendall((USERNAME + "\n").encode())
    reply = s.recv(1024)
    print("Server says:", reply.decode().strip())
