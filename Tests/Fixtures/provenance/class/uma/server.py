# CS 3357 - Lab 2 (Socket Programming)
# uma
#
# TCP server: listens on localhost and prints whatever the client sends,
# then says hi back. Runs until you press Ctrl+C.
import socket

HOST = "127.0.0.1"
PORT = 59408   # lab says use a port above 59000


def main():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # so I dont get "Address already in use" when I restart it
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((HOST, PORT))
    srv.listen(5)
    print(f"Listening on {HOST}:{PORT} ...", flush=True)

    while True:
        conn, addr = srv.accept()
        with conn:
            print("Connection from", addr, flush=True)
            data = conn.recv(1024)
            if not data:
                continue
            name = data.decode().strip()
            print("Received:", name, flush=True)
            conn.sendall(("Hi " + name + "!\n").encode())


if __name__ == "__main__":
    main()
