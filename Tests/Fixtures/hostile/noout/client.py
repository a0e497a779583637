# Writes invalid UTF-8 to its output.
import socket, sys
sys.stdout.buffer.write(b"\xff\xfe bad \xc3 bytes\n")
sys.stdout.flush()
s = socket.create_connection(("127.0.0.1", 60100))
s.sendall(b"noout\n")
s.close()
