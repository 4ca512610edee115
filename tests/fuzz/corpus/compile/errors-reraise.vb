# a handler can re-raise the error (or another value) to an outer try
# expect: cleanup
# expect: outer got :index_error
# expect: outer got wrapped
fn risky() { [][0] }
try {
  try { risky() } catch e {
    print("cleanup")
    raise e
  }
} catch e2 {
  print("outer got ${e2.kind}")
}
let r = try {
  try { risky() } catch e { raise "wrapped" }
} catch e3 { e3 }
print("outer got ${r}")
