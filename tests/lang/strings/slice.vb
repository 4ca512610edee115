# s[i..j] slices by bytes, clamped to the length
# expect: el
# expect: hello
# expect: [he]
# expect: [lo]
# expect: é
# expect: []
# expect: :string
let s = "hello"
print(s[1..3])
print(s[0..100])
print("[" ++ s[0..2] ++ "]")
print("[${s[3..5]}]")
print("héllo"[1..3])
print("[${s[2..2]}]")
print(type(s[0..1]))
