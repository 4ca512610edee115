# < orders numbers, strings bytewise, tuples and arrays lexicographically
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
print(1 < 2)
print(1 < 1.5)
print(2.5 >= 2)
print("abc" < "abd")
print("Z" < "a")
print("ab" < "abc")
print("" < "a")
print((1, 2) < (1, 3))
print((1, 9) < (2, 0))
print([1, 2] > [1, 2, 0])
print([1, 2] < [1, 2, 0])
print([2] > [1, 5, 5])
print(3 <= 3)
