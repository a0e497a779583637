import socket

HOST = "127.0.0.1"
PORT = 59150

username = input("Enter your username: ")
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    s.sendall(username.encode())
    data = s.recv(1024)
print("Received", repr(data))
