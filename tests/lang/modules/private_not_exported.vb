# using another module's _private name is a compile error; nothing runs
# expect-error: _secret
# expect-error: private_not_exported.vb:6
import "lib/private.vb" as p
print("never printed")
print(p._secret)
