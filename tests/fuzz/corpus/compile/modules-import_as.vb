# import name as alias binds a stdlib module under another name
# expect: 3
# expect: done
import math as m
import io as out
print(m.floor(3.9))
out.println("done")
