# Makes tcp, tcp6 and netstat-atn.txt in the current folder from real sockets.
# Run as root in a fresh network namespace, so only these sockets show and ports are free:
#   unshare -n python3 make-live-tables.py
# Every address is loopback.
import os, socket, subprocess, time, sys
subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
keep = []
# LISTEN on 127.0.0.1:60001
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 60001)); srv.listen(8); keep.append(srv)
# ESTABLISHED pair with unread data (rx queue on server side, some bytes)
c1 = socket.create_connection(("127.0.0.1", 60001)); a1, _ = srv.accept(); keep += [c1, a1]
c1.sendall(b"hello grader\n")
# TIME_WAIT: client closes first, then server
c2 = socket.create_connection(("127.0.0.1", 60001)); a2, _ = srv.accept()
c2.close(); time.sleep(0.05); a2.close()
# CLOSE_WAIT on server, FIN_WAIT2 on client
c3 = socket.create_connection(("127.0.0.1", 60001)); a3, _ = srv.accept(); keep.append(a3)
c3.close()
# a connection waiting in the accept queue (LISTEN rx_queue = backlog)
c4 = socket.create_connection(("127.0.0.1", 60001)); keep.append(c4)
# tcp6 LISTEN on ::1 and on :: (dual stack)
s6 = socket.socket(socket.AF_INET6); s6.bind(("::1", 60002)); s6.listen(); keep.append(s6)
s6any = socket.socket(socket.AF_INET6); s6any.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
s6any.bind(("::", 60003)); s6any.listen(); keep.append(s6any)
# ESTABLISHED over ::1
c5 = socket.create_connection(("::1", 60002)); a5, _ = s6.accept(); keep += [c5, a5]
# IPv4 client to dual-stack server: the server side shows ::ffff:127.0.0.1
c6 = socket.create_connection(("127.0.0.1", 60003)); a6, _ = s6any.accept(); keep += [c6, a6]
# a listener owned by uid 65534
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.setuid(65534)
    s = socket.socket(); s.bind(("127.0.0.1", 60004)); s.listen()
    os.write(w, b"x"); time.sleep(5); os._exit(0)
os.read(r, 1)
time.sleep(0.2)
open("tcp", "w").write(open("/proc/net/tcp").read())
open("tcp6", "w").write(open("/proc/net/tcp6").read())
open("netstat-atn.txt", "w").write(subprocess.run(["netstat", "-atn"], capture_output=True, text=True).stdout)
os.kill(pid, 9)
