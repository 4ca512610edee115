# an inner try handles its own errors; the outer one sees only what escapes
# expect: inner caught :zero_division
# expect: inner done
# expect: outer caught :key_error
# expect: end
try {
  try {
    1 // 0
  } catch e {
    print("inner caught ${e.kind}")
  }
  print("inner done")
  let m = {}
  m.missing
  print("not reached")
} catch e {
  print("outer caught ${e.kind}")
}
print("end")
