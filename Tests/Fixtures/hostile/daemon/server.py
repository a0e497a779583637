# Leaves a double-forked setsid daemon that ignores SIGTERM.
import os, signal, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        while True:
            time.sleep(3600)
    os._exit(0)
import socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 60100))
s.listen()
print("listening", flush=True)
while True:
    c, _ = s.accept()
    c.recv(1024)
    c.close()
