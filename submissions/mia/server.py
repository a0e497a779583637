# Lab 2 - server
# Based on Tech With Tim, "Sockets Tutorial with Python 3 part 1"
# https://pythonprogramming.net/sockets-tutorial-python-3/
import socket

PORT = 59412  # the lab says to use a port above 59000

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind((socket.gethostname(), PORT))
s.listen(5)
print(f"Listening on {socket.gethostname()}:{PORT}")

while True:
    # now our endpoint knows about the OTHER endpoint.
    clientsocket, address = s.accept()
    print(f"Connection from {address} has been established.")
    msg = clientsocket.recv(1024)
    print(msg.decode("utf-8"))
    clientsocket.send(bytes("Welcome to the server!", "utf-8"))
    clientsocket.close()
