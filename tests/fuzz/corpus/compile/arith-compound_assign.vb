# compound assignment operators on a var
# expect: 15
# expect: 12
# expect: 24
# expect: 6.0
# expect: 3.0
# expect: 1.0
# expect: ab
# expect: 3
# expect: 1
var x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 2
print(x)
x /= 4
print(x)
x //= 2
print(x)
x %= 2
print(x)
var s = "a"
s ++= "b"
print(s)
var n = 7
n //= 2
print(n)
n %= 3
n += 1
print(n)
