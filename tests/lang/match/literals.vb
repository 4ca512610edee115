# literal patterns: ints, negative numbers, floats, strings, symbols, true, false, nil
# expect: zero
# expect: minus one
# expect: half
# expect: greeting
# expect: symbol ok
# expect: yes
# expect: no
# expect: nothing
# expect: other
fn classify(v) {
  match v {
    0 => "zero",
    -1 => "minus one",
    0.5 => "half",
    "hi" => "greeting",
    :ok => "symbol ok",
    true => "yes",
    false => "no",
    nil => "nothing",
    _ => "other",
  }
}
print(classify(0))
print(classify(-1))
print(classify(0.5))
print(classify("hi"))
print(classify(:ok))
print(classify(true))
print(classify(false))
print(classify(nil))
print(classify([]))
