# while repeats while the condition holds
# expect: 0
# expect: 1
# expect: 2
# expect: 55
var i = 0
while i < 3 {
  print(i)
  i += 1
}
var n = 10
var sum = 0
while n > 0 { sum += n; n -= 1 }
print(sum)
