#!/usr/bin/env python3
"""Generates a synthetic class for `make bench`: N students, mostly correct
Python, some C, some failing and some hostile (with BENCH_MIX=python, Python
only and none spinning), each with the verdict it should get, in OUT/expected.json."""
import json
import os
import sys

PY_SERVER = '''import socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", {port}))
s.listen()
while True:
    c, _ = s.accept()
    data = c.recv(1024)
    c.sendall(b"ok " + data)
    c.close()
'''
PY_CLIENT = '''import socket
s = socket.create_connection(("127.0.0.1", {port}))
s.sendall({payload!r})
s.recv(1024)
s.close()
'''
# Connects, sends and exits at once: the connection lives a millisecond or two.
PY_FAST_CLIENT = '''import socket
s = socket.create_connection(("127.0.0.1", {port}))
s.sendall({payload!r})
s.close()
'''
# The username in two segments: a per-packet grep misses it.
PY_SPLIT_CLIENT = '''import socket, time
s = socket.create_connection(("127.0.0.1", {port}))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
s.sendall({first!r})
time.sleep(0.05)
s.sendall({second!r})
s.recv(1024)
s.close()
'''
PY_CRASH_SERVER = '''import socket
s = socket.socket()
s.bind(("127.0.0.1", {port}))
raise SystemExit("forgot to listen")
'''
PY_SPIN_SERVER = '''while True:
    pass
'''
C_SERVER = r'''#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int server = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {0};
    address.sin_family = AF_INET;
    address.sin_port = htons(%d);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(server, (struct sockaddr *)&address, sizeof address) < 0) { perror("bind"); return 1; }
    listen(server, 8);
    for (;;) {
        int client = accept(server, NULL, NULL);
        char buffer[256];
        ssize_t count = read(client, buffer, sizeof buffer);
        if (count > 0) write(client, buffer, (size_t)count);
        close(client);
    }
}
'''
C_CLIENT = r'''#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int sock = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {0};
    address.sin_family = AF_INET;
    address.sin_port = htons(%d);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(sock, (struct sockaddr *)&address, sizeof address) < 0) { perror("connect"); return 1; }
    const char *name = "%s\n";
    write(sock, name, strlen(name));
    char buffer[256];
    read(sock, buffer, sizeof buffer);
    close(sock);
    return 0;
}
'''

# BENCH_MIX=python: ordinary Python students only (no C to compile, no spinning server).
MIX = os.environ.get("BENCH_MIX", "mixed")

PASS = {"server-listening": "passed", "client-established": "passed", "username-sent": "passed"}


def student(index):
    """(kind, files, expected live verdicts) of the index-th student."""
    name = "s%04d" % index
    port = 59001 + index % 5000
    payload = (name + "\n").encode()
    # One hostile (spinning) student in a hundred: each costs the full
    # server_ready wait, as it would in a real class.
    kinds = ["python"] * 13 + ["c"] * 2 + ["fast"] * 2 + ["split", "hello", "crash"]
    kind = "spin" if index % 100 == 99 else kinds[index % len(kinds)]
    if MIX == "python" and kind in ("c", "spin"):
        kind = "python"
    if kind == "c":
        return name, kind, {"server.c": C_SERVER % port, "client.c": C_CLIENT % (port, name)}, PASS
    client = {
        "python": PY_CLIENT.format(port=port, payload=payload),
        "fast": PY_FAST_CLIENT.format(port=port, payload=payload),
        "split": PY_SPLIT_CLIENT.format(port=port, first=payload[:3], second=payload[3:]),
        "hello": PY_CLIENT.format(port=port, payload=b"Hello World"),
        "crash": PY_CLIENT.format(port=port, payload=payload),
        "spin": PY_CLIENT.format(port=port, payload=payload),
    }[kind]
    server = {"crash": PY_CRASH_SERVER, "spin": PY_SPIN_SERVER}.get(kind, PY_SERVER).format(port=port)
    expected = dict(PASS)
    if kind == "hello":
        expected["username-sent"] = "failed"
    if kind in ("crash", "spin"):
        expected = {"server-listening": "failed", "client-established": "skipped", "username-sent": "skipped"}
    return name, kind, {"server.py": server, "client.py": client}, expected


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make-class.py COUNT OUT")
    count, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    expected = {}
    for index in range(count):
        name, kind, files, verdicts = student(index)
        os.makedirs(os.path.join(out, name), exist_ok=True)
        for file, text in files.items():
            with open(os.path.join(out, name, file), "w") as handle:
                handle.write(text)
        expected[name] = {"kind": kind, "checks": verdicts}
    with open(os.path.join(out, "expected.json"), "w") as handle:
        json.dump(expected, handle, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
