# else and catch may start a new line
# expect: else branch
# expect: second
# expect: caught :zero_division
if false {
  print("then branch")
}
else {
  print("else branch")
}
let n = 2
if n == 1 {
  print("first")
}
else if n == 2 {
  print("second")
}
else {
  print("third")
}
try {
  1 // 0
}
catch e {
  print("caught ${e.kind}")
}
