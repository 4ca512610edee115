# \u{...} escapes encode code points as UTF-8 bytes
# expect: A
# expect: é
# expect: 😀
# expect: 1
# expect: 2
# expect: 4
# expect: 195 169
# expect: 240 159 152 128
# expect: true
print("\u{41}")
print("\u{e9}")
print("\u{1F600}")
print(len("\u{41}"))
print(len("\u{e9}"))
print(len("\u{1F600}"))
let e = "\u{e9}"
print(e[0], e[1])
let s = "\u{1F600}"
print(s[0], s[1], s[2], s[3])
print("\u{e9}" == "é")
