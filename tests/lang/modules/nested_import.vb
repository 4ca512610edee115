# a module imports files relative to its own location, and stdlib modules
# expect: 14
# expect: 12.57
import "lib/geometry.vb" as geo
print(geo.perimeter(3, 4))
print(fmt(geo.circle_area(2), ".2f"))
