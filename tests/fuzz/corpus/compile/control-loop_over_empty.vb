# loops over empty collections run zero times
# expect: 0
var n = 0
for x in [] { n += 1 }
for x in {} { n += 1 }
for x in "" { n += 1 }
for x in () { n += 1 }
for x in 0..0 { n += 1 }
print(n)
