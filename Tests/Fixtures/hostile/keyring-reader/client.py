# Looks, for two seconds, for the key keyring-snoop (graded at the same time or
# earlier, maybe on this uid) tried to leave in its uid's keyring.
import ctypes, os, platform, socket, time
REQUEST_KEY = {"x86_64": 249, "aarch64": 218}[platform.machine()]
libc = ctypes.CDLL(None, use_errno=True)
deadline = time.monotonic() + 2
while True:
    key = libc.syscall(REQUEST_KEY, b"user", b"sockgrade-left-by-keyring-snoop", None, 0)
    error = ctypes.get_errno()
    if key >= 0 or error != 126 or time.monotonic() > deadline:   # 126: ENOKEY, keep looking
        break
    time.sleep(0.1)
print("left key: got:", key) if key >= 0 else print("left key: blocked:", os.strerror(error))
s = socket.create_connection(("127.0.0.1", 60100))
s.sendall(b"keyring-reader\n")
s.close()
