# string interpolation with ${expr} uses the printed form of the value
# expect: hello vb
# expect: 3 + 3 = 6
# expect: list: [1, "a"]
# expect: map: {k: "v"}
# expect: 1.0 nil true :sym
# expect: ${not interpolated}
# expect: f(2) = 4
# expect: field: v
# expect: (1, 2)
let name = "vb"
let n = 3
let xs = [1, "a"]
let m = {k: "v"}
fn f(x) { x * 2 }
print("hello ${name}")
print("${n} + ${n} = ${n + n}")
print("list: ${xs}")
print("map: ${m}")
print("${1.0} ${nil} ${true} ${:sym}")
print("\${not interpolated}")
print("f(2) = ${f(2)}")
print("field: ${m.k}")
print("${(1, 2)}")
