# catch _ ignores the raised value
# expect: ignored
let r = try { raise "x" } catch _ { "ignored" }
print(r)
