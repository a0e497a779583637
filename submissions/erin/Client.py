#!/usr/bin/env python3
"""
Lab 2 - simple TCP client
Erin Schmidt
"""

import socket

serverName = '127.0.0.1'
serverPort = 59001

clientSocket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
clientSocket.connect((serverName, serverPort))

# TODO: send username
message = 'Hello World'
clientSocket.send(message.encode())

modifiedSentence = clientSocket.recv(1024)
print('From Server:', modifiedSentence.decode())
clientSocket.close()
