# an error raised inside a catch handler goes to the enclosing try
# expect: handler failed with :key_error
let r = try {
  try { raise 1 } catch e { let m = {}; m.nothing }
} catch e2 { "handler failed with ${e2.kind}" }
print(r)
