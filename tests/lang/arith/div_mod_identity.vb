# a == (a // b) * b + a % b for every sign combination
# expect: true
var ok = true
for a in [-7, -6, -1, 0, 1, 6, 7, 100, -100] {
  for b in [-3, -2, -1, 1, 2, 3, 7] {
    if (a // b) * b + a % b != a { ok = false; print("bad", a, b) }
  }
}
print(ok)
