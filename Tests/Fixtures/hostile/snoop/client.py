# Tries to read another student, the shadow file and the grader's files.
import os, socket
for path in ("../daemon/server.py", "/etc/shadow", "/root/.bash_history", "/etc/ssh/ssh_host_ed25519_key"):
    try:
        with open(path) as f:
            print("read:", path, len(f.read()))
    except OSError as error:
        print("blocked:", path, error.strerror)
print("root holds:", " ".join(sorted(os.listdir("/"))))
s = socket.create_connection(("127.0.0.1", 60100))
s.sendall(b"snoop\n")
s.close()
