# str.split and str.join
# expect: ["a", "b", "c"]
# expect: ["a", "", "b"]
# expect: ["one", "two"]
# expect: ["abc"]
# expect: a-b-c
# expect: abc
# expect: x
import str as s
print(s.split("a,b,c", ","))
print(s.split("a,,b", ","))
print(s.split("one::two", "::"))
print(s.split("abc", ","))
print(s.join(["a", "b", "c"], "-"))
print(s.join(["a", "b", "c"], ""))
print(s.join(["x"], ", "))
