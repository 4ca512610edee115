# hello.vb — the smallest vb program: print one line.
# Run: vb examples/hello.vb
print("hello, world")
