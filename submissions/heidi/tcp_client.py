"""
CS lab 2 - part B: the client
author: Heidi Brandt
"""
import socket

SERVER = ("127.0.0.1", 59876)

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect(SERVER)
print("connected to", SERVER)

sock.sendall(b"heidi\n")
answer = sock.recv(512)
print("server answered:", answer.decode().strip())

sock.close()
