# Fills its folder and /tmp with small files, then serves normally.
import os
for folder in ('.', '/tmp'):
    try:
        for i in range(200000):
            with open(os.path.join(folder, 'f%d' % i), 'w') as f:
                f.write('x' * 512)
    except OSError as error:
        print('stopped writing in', folder, 'after', i, 'files:', error.strerror, flush=True)
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
