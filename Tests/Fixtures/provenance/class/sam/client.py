# CS 3357 - Lab 2 (Socket Programming)
# sam
#
# Sends my username, framed with its length, and prints the server's answer.
import socket
import struct

HOST = "127.0.0.1"
PORT = 59406
USERNAME = "sam"

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    print("Connected to", (HOST, PORT))
    payload = USERNAME.encode()
    s.sendall(struct.pack("!H", len(payload)) + payload)
    reply = s.recv(1024)
    print("Server says:", reply.decode().strip())
