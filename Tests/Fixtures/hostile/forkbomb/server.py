# Forks without end before listening: the process limit must hold.
import os
while True:
    try:
        os.fork()
    except OSError:
        pass
