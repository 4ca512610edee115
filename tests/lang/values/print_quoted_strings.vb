# strings print raw at top level but quoted with escapes inside containers
# expect: a"b
# expect: ["a\n", "q\"", "b\\", "t\t"]
# expect: ("x",)
# expect: {s: "str", "key": "val"}
# expect: [["deep"]]
# expect: ["a", ("b", {c: "d"})]
# expect: [""]
print("a\"b")
print(["a\n", "q\"", "b\\", "t\t"])
print(("x",))
print({s: "str", "key": "val"})
print([["deep"]])
print(["a", ("b", {c: "d"})])
print([""])
