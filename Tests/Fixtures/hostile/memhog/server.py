# Touches 10 GB before listening: the memory limit must stop it.
hog = []
for _ in range(160):
    hog.append(b"x" * (64 << 20))
