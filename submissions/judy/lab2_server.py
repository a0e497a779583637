#!/usr/bin/env python3
# Lab 2 - Server
# Judy Alvarez
# Accepts connections and prints the message recieved from each client.

from socket import socket, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR

SERVER_PORT = 59333


def run_server():
    server = socket(AF_INET, SOCK_STREAM)
    server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", SERVER_PORT))
    server.listen(5)
    print("Listening on 127.0.0.1:%d" % SERVER_PORT, flush=True)
    count = 0
    while True:
        client, address = server.accept()
        count += 1
        message = client.recv(1024).decode()
        print("#%d %s says: %s" % (count, address, message.strip()), flush=True)
        client.send(("thanks, " + message.strip()).encode())
        client.close()


run_server()
