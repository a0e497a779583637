# Reaches for kernel keys: the grader's session keyring (an instructor's login
# keys), the instructor's key by name, its uid's own keyring, and leaves a key
# there for the next student (keyring-reader looks for it). Prints what it got.
import ctypes, os, platform, socket
ADD_KEY, REQUEST_KEY, KEYCTL = {"x86_64": (248, 249, 250), "aarch64": (217, 218, 219)}[platform.machine()]
SESSION, USER, USER_SESSION = -3, -4, -5
libc = ctypes.CDLL(None, use_errno=True)

def attempt(what, *call):
    result = libc.syscall(*call)
    if result < 0:
        print(what + ": blocked:", os.strerror(ctypes.get_errno()))
    else:
        print(what + ": got:", result)
    return result

def read(what, key):
    buffer = ctypes.create_string_buffer(4096)
    if attempt(what, KEYCTL, 11, key, buffer, 4096) >= 0:   # KEYCTL_READ
        print(what + ": got:", buffer.raw[:64])

for name, keyring in (("session", SESSION), ("user", USER), ("user-session", USER_SESSION)):
    read("read @" + name, keyring)
key = attempt("request instructor key", REQUEST_KEY, b"user", b"sockgrade-instructor", None, 0)
if key >= 0:
    read("read instructor key", key)
attempt("add key to @u", ADD_KEY, b"user", b"sockgrade-left-by-keyring-snoop", b"passed on", 9, USER)
try:
    listed = open("/proc/keys").read()   # the sandbox binds /dev/null over it (nodev: unreadable)
    print("proc keys: got:", listed) if listed else print("proc keys: blocked: lists nothing")
except OSError as error:
    print("proc keys: blocked:", error.strerror)
s = socket.create_connection(("127.0.0.1", 60100))
s.sendall(b"keyring-snoop\n")
s.close()
