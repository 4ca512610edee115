# patterns nest arbitrarily
# expect: circle r=2
# expect: rect 3x4
# expect: first of list is 1
# expect: other
fn shape(s) {
  match s {
    (:circle, {r}) => "circle r=${r}",
    (:rect, {w, h}) => "rect ${w}x${h}",
    (:list, [(:item, first), ..]) => "first of list is ${first}",
    _ => "other",
  }
}
print(shape((:circle, {r: 2})))
print(shape((:rect, {w: 3, h: 4})))
print(shape((:list, [(:item, 1), (:item, 2)])))
print(shape((:rect, {w: 3})))
