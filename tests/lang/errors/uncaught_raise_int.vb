# an uncaught raised int prints "error: 42", exit 1
# expect-error: error: 42
raise 42
