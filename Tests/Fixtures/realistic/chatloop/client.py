# simple chat client: type messages, they go to the server
import socket

client = socket.socket()
client.connect(("localhost", 59151))
print("connected! type your messages")
while True:
    message = input("you: ")
    client.send(message.encode())
