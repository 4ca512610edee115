# values travel between processes as encoded bytes, as they will between nodes; a large map survives the trip intact
# expect: 500 entries
# expect: true
# expect: value 499
# expect: (:ok, 3)
# expect: :type_error
import codec
fn server() {
    while true {
        let (from, request) = v.receive()
        let value = codec.decode(request)
        let answer = try { codec.encode((:ok, len(value))) } catch e { codec.encode((:error, e.kind)) }
        v.reply(from, answer)
    }
}
let pid = spawn(server)
var big = {}
var i = 0
while i < 500 {
    big["key${i}"] = ("value ${i}", i, [i * 1.5])
    i += 1
}
let encoded = codec.encode(big)
let echoed = codec.decode(codec.encode(codec.decode(encoded)))
print("${len(echoed)} entries")
print(echoed == big)
print(echoed["key499"][0])
print(codec.decode(v.send(pid, codec.encode([:a, :b, :c]))))
print(try { v.send(pid, codec.encode((1, fn() { 2 }))) } catch e { e.kind })
