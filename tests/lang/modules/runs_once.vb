# a module's top level runs once, on first import, even when imported from two places
# expect: counter loaded
# expect: uses_counter loaded
# expect: main starts
# expect: 1
# expect: 2
# expect: 3
import "lib/uses_counter.vb" as u
import "lib/counter.vb" as c
print("main starts")
print(u.bump())
print(c.next())
print(u.bump())
