# import v is allowed and does nothing; v works without it
# expect: :pid
# expect: true
import v
print(type(v.self()))
print(v.self() == v.self())
