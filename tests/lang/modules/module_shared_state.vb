# a module-level container is shared: changes made through its functions are visible
# expect: 2
# expect: {"a": 1, "b": 2}
import "lib/registry.vb" as reg
reg.register("a", 1)
reg.register("b", 2)
print(reg.count())
print(reg.entries)
