# a main process hands jobs to several workers and gathers the results
# expect: [1, 4, 9, 16, 25, 36, 49, 64]
fn worker() {
  while true {
    let (from, job) = v.receive()
    v.reply(from, job * job)
  }
}
let workers = map(0..4, fn(i) { spawn(worker) })
let results = []
for i in 1..=8 {
  let w = workers[i % 4]
  push(results, v.send(w, i))
}
print(results)
