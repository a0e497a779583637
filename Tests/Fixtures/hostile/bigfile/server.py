# Writes a file without end before listening: the file size limit stops it.
with open("big.bin", "wb") as f:
    while True:
        f.write(b"\0" * (1 << 20))
