import socket

HOST = "127.0.0.1"
PORT = 59150

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind((HOST, PORT))
    s.listen()
    conn, addr = s.accept()
    with conn:
        print("Connected by", addr)
        data = conn.recv(1024)
        print("Received", data.decode())
        conn.sendall(b"Hello, " + data)
