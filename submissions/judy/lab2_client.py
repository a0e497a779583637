#!/usr/bin/env python3
# Lab 2 - Client
# Judy Alvarez

from socket import socket, AF_INET, SOCK_STREAM

SERVER_PORT = 59333
username = "judy"

client = socket(AF_INET, SOCK_STREAM)
client.connect(("127.0.0.1", SERVER_PORT))
client.send(username.encode())
response = client.recv(1024)
print("Server:", response.decode())
client.close()
