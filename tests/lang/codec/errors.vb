# what cannot be encoded, and input that cannot be decoded, raise errors that say what and where
# expect: :type_error codec.encode(): a function cannot leave its team
# expect: :type_error codec.encode(): a native function cannot leave its team (at [2].handler)
# expect: :value_error codec.encode(): the value nests deeper than 256 levels (is it cyclic?) (at [0][0][0][0][0][0][0][0]...[0][0][0][0])
# expect: :type_error codec.decode() needs bytes as its first argument, not string
# expect: :value_error codec.decode(): at byte 0: the input is empty (no version byte)
# expect: :value_error codec.decode(): at byte 0: version 2 of the value encoding, but this vb reads version 1
# expect: :value_error codec.decode(): at byte 1: unknown tag 0x0D
# expect: :value_error codec.decode(): at byte 2: 1 more byte after the end of the value
# expect: :value_error codec.decode(): at byte 2: an array of 200 items, but nothing remains
# expect: :value_error codec.decode(): at byte 3: a map key that cannot be a key: a value of type array is mutable and cannot be a map key; use a tuple
# expect: 0 :value_error at byte 0: the input is empty (no version byte)
# expect: 1 :value_error at byte 1: the input ends where a value should start
# expect: 2 :value_error at byte 2: the input ends inside a tuple's length
# expect: 3 :value_error at byte 2: a tuple of 1 item, but nothing remains
# expect: 4 :value_error at byte 4: the input ends inside a string's length
# expect: 5 :value_error at byte 4: a string of 3 bytes, but nothing remains
# expect: 6 :value_error at byte 4: a string of 3 bytes, but only 1 byte remains
# expect: 7 :value_error at byte 4: a string of 3 bytes, but only 2 bytes remain
# expect: 8 ok
import codec
fn attempt(f) { try { f(); "ok" } catch e { "${e.kind} ${e.msg}" } }
fn of(ints) {
    let b = bytes(len(ints))
    var i = 0
    for x in ints { b[i] = x; i += 1 }
    b
}
print(attempt(fn() { codec.encode(fn(x) { x }) }))
print(attempt(fn() { codec.encode((1, 2, {handler: print})) }))
var cycle = [1]
cycle[0] = cycle
print(attempt(fn() { codec.encode(cycle) }))
print(attempt(fn() { codec.decode("\u{1}\u{0}") }))
print(attempt(fn() { codec.decode(bytes(0)) }))
print(attempt(fn() { codec.decode(of([2, 0])) }))
print(attempt(fn() { codec.decode(of([1, 13])) }))
print(attempt(fn() { codec.decode(of([1, 0, 0])) }))
print(attempt(fn() { codec.decode(of([1, 9, 200, 1])) }))
print(attempt(fn() { codec.decode(of([1, 10, 1, 9, 0, 0])) }))
# every prefix of a valid encoding is refused, at the byte where it stops making sense
let whole = codec.encode(("hé",))
var n = 0
while n <= len(whole) {
    let cut = whole[0..n]
    let r = try { codec.decode(cut); "ok" } catch e { "${e.kind} ${str_after(e.msg, "(): ")}" }
    print(n, r)
    n += 1
}
fn str_after(s, mark) {
    var i = 0
    while s[i..i + len(mark)] != mark { i += 1 }
    s[i + len(mark)..len(s)]
}
