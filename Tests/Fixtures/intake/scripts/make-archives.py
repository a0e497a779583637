#!/usr/bin/env python3
"""Writes the LMS downloads and hostile archives of the intake fixtures
(run once; the archives are committed, each a few KiB).

- canvas-download.zip: Canvas's "Download submissions", one file per
  uploaded file named login_[late_]userid_submissionid_file, one student's
  work as a nested zip; beside it canvas-roster.csv, a gradebook export.
- moodle-download.zip: Moodle's "Download all submissions", a folder per
  student named "Full Name_participantid_assignsubmission_file_".
- per-student/: a folder of per-student archives (.tar.gz and .zip).
- hostile/: path traversal, absolute paths, symlinks out, a zip bomb, a
  file-count bomb, a tar bomb, a damaged archive.
"""
import gzip, io, os, tarfile, zipfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "archives")
os.makedirs(HERE, exist_ok=True)
FIXED = (2025, 3, 1, 12, 0, 0)


def server(port, reply=b"ok"):
    return f'''import socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", {port}))
s.listen()
while True:
    c, _ = s.accept()
    print("got", c.recv(1024), flush=True)
    c.close()
'''.encode()


def client(port, username):
    return f'''import socket
with socket.create_connection(("127.0.0.1", {port})) as s:
    s.sendall(b"{username}\\n")
'''.encode()


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name, FIXED), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as out:
        out.write(data)


def tar_gz(path, members):
    """members: (name, bytes) files, or (name, None, type, linkname) for others."""
    # gzip with mtime 0, so a rerun writes the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed, \
            tarfile.open(fileobj=packed, mode="w", format=tarfile.GNU_FORMAT) as archive:
        for member in members:
            info = tarfile.TarInfo(member[0])
            info.mtime = 1740830400
            if member[1] is None:
                info.type, info.linkname = member[2], member[3]
                archive.addfile(info)
            else:
                info.size = len(member[1])
                archive.addfile(info, io.BytesIO(member[1]))


# Canvas: John Doe (login jdoe) hands in two files; Jane Smith (login jsmith) a
# late zip of a folder; Richard Roe is on the roster and hands in nothing.
write("canvas-download.zip", zip_bytes([
    ("doejohn_12345_67890_server.py", server(59701)),
    ("doejohn_12345_67891_client.py", client(59701, "jdoe")),
    ("smithjane_late_23456_67892_lab2.zip", zip_bytes([
        ("lab2/tcp_server.py", server(59702)),
        ("lab2/tcp_client.py", client(59702, "jsmith")),
        ("__MACOSX/lab2/._tcp_server.py", b"\0\5\26\7"),
    ])),
]))
write("canvas-roster.csv", (
    "Student,ID,SIS User ID,SIS Login ID,Section,Lab 2 (2002)\n"
    "    Points Possible,,,,,2\n"
    "\"Doe, John\",12345,250001,jdoe,CS 3357 001,\n"
    "\"Smith, Jane\",23456,250002,jsmith,CS 3357 001,\n"
    "\"Roe, Richard\",34567,250003,rroe,CS 3357 001,\n").encode())

# Moodle: a folder per student; Ann Lee's client sends the wrong name.
write("moodle-download.zip", zip_bytes([
    ("Ann Lee_501_assignsubmission_file_/server.py", server(59711)),
    ("Ann Lee_501_assignsubmission_file_/client.py", client(59711, "Hello World")),
    ("Bo Chen_502_assignsubmission_file_/bo-lab2.zip", zip_bytes([
        ("Serv.py", server(59712)),
        ("echo_client.py", client(59712, "bchen")),
    ])),
]))
write("moodle-roster.csv", (
    "Identifier,Full name,Username,Email address\n"
    "Participant 501,Ann Lee,alee,alee@example.org\n"
    "Participant 502,Bo Chen,bchen,bchen@example.org\n").encode())

# A folder of per-student archives.
os.makedirs(os.path.join(HERE, "per-student"), exist_ok=True)
tar_gz(os.path.join(HERE, "per-student", "kim.tar.gz"), [
    ("kim/server.py", server(59721)), ("kim/client.py", client(59721, "kim"))])
write(os.path.join("per-student", "lou.zip"), zip_bytes([
    ("server.py", server(59722)), ("client.py", client(59722, "lou"))]))

# Hostile archives.
os.makedirs(os.path.join(HERE, "hostile"), exist_ok=True)
write(os.path.join("hostile", "traversal.zip"), zip_bytes([
    ("../../escaped.txt", b"outside"),
    ("/tmp/sockgrade-absolute.txt", b"absolute"),
    ("C:\\Windows\\evil.txt", b"windows"),
    ("good/..\\..\\escaped2.txt", b"backslash climb"),
    ("ok/server.py", server(59731)),
]))
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as archive:
    link = zipfile.ZipInfo("ok/passwd", FIXED)
    link.create_system = 3
    link.external_attr = (0o120777 << 16)
    archive.writestr(link, "/etc/passwd")
    archive.writestr(zipfile.ZipInfo("ok/server.py", FIXED), server(59732))
write(os.path.join("hostile", "symlink.zip"), buffer.getvalue())
tar_gz(os.path.join(HERE, "hostile", "links.tar.gz"), [
    ("ok/link", None, tarfile.SYMTYPE, "/etc/shadow"),
    ("ok/hard", None, tarfile.LNKTYPE, "/etc/shadow"),
    ("ok/fifo", None, tarfile.FIFOTYPE, ""),
    ("../up.txt", b"climb"),
    ("ok/server.py", server(59733)),
])
write(os.path.join("hostile", "zip-bomb.zip"), zip_bytes([
    ("ok/server.py", server(59734)),
    ("ok/zeros.bin", bytes(80 << 20)),          # 80 MiB of zeros, deflated to ~80 KiB
    ("ok/after.txt", b"never reached"),
]))
write(os.path.join("hostile", "many-files.zip"), zip_bytes(
    [(f"ok/file{i}.txt", b"x") for i in range(300)]))
tar_gz(os.path.join(HERE, "hostile", "tar-bomb.tar.gz"), [
    ("ok/server.py", server(59735)), ("ok/zeros.bin", bytes(80 << 20))])
write(os.path.join("hostile", "damaged.zip"), zip_bytes([("ok/server.py", server(59736))])[:-30])
# Cut in half: the gzip stream ends inside the file's data.
tar_gz_path = os.path.join(HERE, "hostile", "damaged.tar.gz")
tar_gz(tar_gz_path, [("ok/server.py", server(59737) * 40)])
with open(tar_gz_path, "rb") as f:
    whole = f.read()
with open(tar_gz_path, "wb") as f:
    f.write(whole[: len(whole) // 2])

# A zip whose headers declare 100 bytes for 20 MiB of zeros: only the bytes
# actually inflated may count.
import struct
lying = bytearray(zip_bytes([("ok/zeros.bin", bytes(20 << 20))]))
struct.pack_into("<I", lying, 22, 100)                           # local header
struct.pack_into("<I", lying, lying.find(b"PK\x01\x02") + 24, 100)  # central directory
write(os.path.join("hostile", "lying-sizes.zip"), bytes(lying))

# 300 empty folders: folders count against the entry limit too.
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as archive:
    for i in range(300):
        archive.writestr(zipfile.ZipInfo(f"ok/folder{i}/", FIXED), b"")
write(os.path.join("hostile", "many-folders.zip"), buffer.getvalue())
