# uncaught :value_error from int() of a bad string
# expect: parsing
# expect-error: error[:value_error]
# expect-error: kind_value_error.vb:7 in <main>
print("parsing")
let s = "12abc"
let n = int(s)
print(n)
