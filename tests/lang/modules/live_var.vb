# module vars are read live: m.x sees later changes made by the module
# expect: 0
# expect: 2
# expect: [1, 2]
import "lib/state.vb" as state
print(state.level)
state.bump_level()
state.bump_level()
print(state.level)
print(state.log)
