# Tries the internet and DNS first: the namespace has only lo.
import socket, os
try:
    socket.create_connection(("192.0.2.1", 80), timeout=1)
    print("outside: connected")
except OSError as error:
    print("outside: refused:", error.strerror)
try:
    socket.getaddrinfo("example.com", 80)
    print("dns: resolved")
except OSError as error:
    print("dns: failed:", error)
s = socket.create_connection(("127.0.0.1", 60100))
s.sendall(b"outside\n")
s.close()
