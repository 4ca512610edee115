# uncaught :overflow from a growing product
# expect-error: error[:overflow]
# expect-error: kind_overflow.vb:5 in <main>
var x = 3
while true { x *= x }
