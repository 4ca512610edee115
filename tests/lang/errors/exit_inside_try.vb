# exit is not an error: try does not catch it
# expect: in try
# expect-exit: 4
try {
  print("in try")
  exit(4)
} catch e {
  print("caught", e)
}
print("after")
