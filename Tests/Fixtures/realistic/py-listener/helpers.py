def banner(text):
    return "=== " + text + " ==="
