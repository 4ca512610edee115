# exported functions may use their module's _private names
# expect: 43
import "lib/private.vb" as p
print(p.public(1))
