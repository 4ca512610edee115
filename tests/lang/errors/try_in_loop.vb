# try inside a loop: each iteration handles its own error and the loop goes on
# expect: [10, "err", 5, "err"]
let out = []
for d in [1, 0, 2, 0] {
  let r = try { 10 // d } catch _ { "err" }
  push(out, r)
}
print(out)
