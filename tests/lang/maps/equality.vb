# maps compare by content, ignoring insertion order
# expect: true
# expect: true
# expect: false
# expect: false
# expect: true
print({a: 1, b: 2} == {b: 2, a: 1})
print({a: [1, 2], "s": {t: 1}} == {"s": {t: 1}, a: [1, 2]})
print({a: 1} == {a: 2})
print({a: 1} == {a: 1, b: 1})
print({} == {})
