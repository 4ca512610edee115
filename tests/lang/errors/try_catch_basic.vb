# try/catch catches a runtime error; execution continues after the try
# expect: caught :index_error
# expect: after
try {
  let a = [1]
  print(a[10])
  print("not reached")
} catch e {
  print("caught ${e.kind}")
}
print("after")
