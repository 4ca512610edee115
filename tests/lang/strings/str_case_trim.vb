# str.upper, lower, trim, starts_with, ends_with, repeat
# expect: HELLO
# expect: hello
# expect: [x y]
# expect: [tabbed]
# expect: true
# expect: false
# expect: true
# expect: false
# expect: ababab
# expect: []
import str as s
print(s.upper("Hello"))
print(s.lower("HeLLo"))
print("[" ++ s.trim("  x y  ") ++ "]")
print("[" ++ s.trim("\t tabbed\n") ++ "]")
print(s.starts_with("hello", "he"))
print(s.starts_with("hello", "lo"))
print(s.ends_with("hello", "lo"))
print(s.ends_with("hello", "he"))
print(s.repeat("ab", 3))
print("[" ++ s.repeat("ab", 0) ++ "]")
