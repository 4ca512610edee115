# codec.decode(codec.encode(x)) gives back an equal value of the same type, for every kind that can leave a team
# expect: [nil, true, false, -9223372036854775808, 9223372036854775807, -0.0, inf, 0.1, "héllo \n", "", :ok]
# expect: [:nil, :bool, :bool, :int, :int, :float, :float, :float, :string, :string, :symbol]
# expect: b"\x00\xff" :bytes
# expect: (1, (2, (3,)), ()) :tuple
# expect: [1, [2.5, "x"], []] :array
# expect: {b: 2, a: 1, "c": 3, 4: 4, (5, 6): 5, nil: {}} :map
# expect: 1..=10 :range
# expect: 0..10 :range
# expect: range(10, 0, -3) :range
# expect: true
# expect: 1 1.0 :int :float
# expect: true
import codec
fn again(x) { codec.decode(codec.encode(x)) }
let scalars = [nil, true, false, -9223372036854775807 - 1, 9223372036854775807, -0.0, 1e308 * 10, 0.1, "héllo \n", "", :ok]
let back = again(scalars)
print(back)
var types = []
for x in back { push(types, type(x)) }
print(types)
let b = bytes(2)
b[1] = 255
print(again(b), type(again(b)))
print(again((1, (2, (3,)), ())), type(again((1, (2, (3,)), ()))))
print(again([1, [2.5, "x"], []]), type(again([1, [2.5, "x"], []])))
let m = {b: 2, a: 1}
m["c"] = 3
m[4] = 4
m[(5, 6)] = 5
m[nil] = {}
print(again(m), type(again(m)))
print(again(1..=10), type(again(1..=10)))
print(again(0..10), type(again(0..10)))
print(again(range(10, 0, -3)), type(again(range(10, 0, -3))))
# a pid is a value like any other
print(again(v.self()) == v.self())
# ints and floats stay apart
print(again(1), again(1.0), type(again(1)), type(again(1.0)))
# a decoded value is a copy: changing it leaves the original alone
let original = {list: [1, 2]}
let copy = again(original)
push(copy.list, 3)
print(original == {list: [1, 2]})
