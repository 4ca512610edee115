# stdlib modules are imported by name
# expect: 4.0
# expect: ok
import math
import io
print(math.sqrt(16))
io.print("ok")
