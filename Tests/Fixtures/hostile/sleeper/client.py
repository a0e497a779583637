# Sends the username, then never exits: the client time limit ends it.
import socket, time
s = socket.create_connection(("127.0.0.1", 60100))
s.sendall(b"sleeper\n")
time.sleep(10**6)
