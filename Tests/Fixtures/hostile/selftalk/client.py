print("I do not connect to anything.")
