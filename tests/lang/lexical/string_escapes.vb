# string escapes \n \t \\ \" \$ produce the right characters
# expect: line1
# expect: line2
# expect: back\slash
# expect: say "hi"
# expect: cost: $5
# expect: 9
# expect: 10
# expect: 3
# expect: 92
# expect: 34
print("line1\nline2")
print("back\\slash")
print("say \"hi\"")
print("cost: \$5")
print("a\tb"[1])
print("\n"[0])
print(len("a\tb"))
print("\\"[0])
print("\""[0])
