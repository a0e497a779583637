# Spins before listening: the CPU limit must stop it.
while True:
    pass
