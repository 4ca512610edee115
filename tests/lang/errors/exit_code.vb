# exit(n) ends the program at once with status n
# expect: before
# expect-exit: 3
print("before")
exit(3)
print("after")
