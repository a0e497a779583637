#!/usr/bin/env python3
"""
Lab 2 - simple TCP server
Erin Schmidt
"""

import socket

serverPort = 59001

serverSocket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
serverSocket.bind(('127.0.0.1', serverPort))
serverSocket.listen(1)
print('Listening on port', serverPort, flush=True)

while True:
    connectionSocket, addr = serverSocket.accept()
    sentence = connectionSocket.recv(1024).decode()
    print('From client', addr, ':', sentence, flush=True)
    connectionSocket.send(sentence.upper().encode())
    connectionSocket.close()
