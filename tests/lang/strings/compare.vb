# strings compare bytewise with < and by content with ==
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
print("abc" < "abd")
print("Z" < "a")
print("" < "a")
print("ab" < "abc")
print("b" < "abc")
print("abc" == "ab" ++ "c")
print("é" > "z")
print("apple" <= "apple")
