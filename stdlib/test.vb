# stdlib/test.vb — module `test`: assertions for .vb test programs. A failed
# check raises {kind: :assert, msg: "..."} (the runtime adds the trace), so it
# can be caught like any error and, uncaught, ends the program with exit code 1.

# How a value is shown in messages: its printed form with strings quoted ("a",
# not a), as inside a container. Made by printing the value in a one-element
# array and cutting off the brackets, since the language has no repr().
fn _show(x) {
  let s = str([x])
  s[1..-1]
}

# `cond` must be true (anything but false and nil).
fn ok(cond, msg = "expected true") {
  if not cond { raise {kind: :assert, msg: str(msg)} }
  nil
}

# actual == expected; the message shows both: expected [1, 2] but got [1, 3]
fn equal(actual, expected) {
  if actual != expected {
    raise {kind: :assert, msg: "expected ${_show(expected)} but got ${_show(actual)}"}
  }
  nil
}

# Calling f() must raise an error whose kind is `kind` (a runtime error, or any
# raised map with that `kind`). Returns nil, like the other checks.
fn raises(f, kind) {
  var raised = false
  var error = nil
  try { f() } catch e {
    raised = true
    error = e
  }
  if not raised {
    raise {kind: :assert, msg: "expected an error of kind ${_show(kind)} but nothing was raised"}
  }
  if type(error) == :map and get(error, :kind) == kind { return nil }
  var got = _show(error)
  if type(error) == :map and get(error, :kind) != nil {
    got = _show(error.kind)
    if get(error, :msg) != nil { got = got ++ " (" ++ str(error.msg) ++ ")" }
  }
  raise {kind: :assert, msg: "expected an error of kind ${_show(kind)} but got ${got}"}
}
