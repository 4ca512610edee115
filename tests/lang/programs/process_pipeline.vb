# a three-stage pipeline of processes: parse -> square -> collect, driven by datagrams, results fetched by send
# expect: [1, 4, 16, 100, 9]
# expect: 130
import str as s
fn collector() {
  let results = []
  while true {
    let (from, msg) = v.receive()
    match msg {
      (:result, x) => push(results, x),
      :results => v.reply(from, results),
    }
  }
}
fn squarer(next) {
  while true {
    let (from, msg) = v.receive()
    match msg {
      (:num, n) => v.datagram(next, (:result, n * n)),
      :flush => v.reply(from, v.send(next, :results)),
    }
  }
}
fn parser(next) {
  while true {
    let (from, msg) = v.receive()
    match msg {
      (:line, text) => {
        for word in s.split(text, " ") {
          let n = try { int(word) } catch _ { nil }
          if n != nil { v.datagram(next, (:num, n)) }
        }
      }
      :flush => v.forward(from, next, :flush),
    }
  }
}
let c = spawn(collector)
let q = spawn(squarer, c)
let p = spawn(parser, q)
v.datagram(p, (:line, "1 2 three 4"))
v.datagram(p, (:line, "x 10 -3"))
let results = v.send(p, :flush)
print(results)
print(fold(results, 0, fn(a, x) { a + x }))
