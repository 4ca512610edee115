# methods: method-style calls on records. A particle is a map with integer
# fields (x, y, vx, vy, bounces) and a function field `step`; a statistics
# record has fields (total, count, max) and a function field `add`. vb has no
# implicit self, so a method call is `o.step(o, ...)`. NPART particles move
# in a W x H box for n steps, bouncing off the walls; after each particle's
# step its x + y goes into the statistics. Each step of a particle is two
# method calls and about twenty field reads and writes. Same output as
# methods.lua / .py.

let W = 1000
let H = 800
let NPART = 64

fn new_particle(x, y, vx, vy) {
  {x: x, y: y, vx: vx, vy: vy, bounces: 0,
   step: fn(self, w, h) {
     var x = self.x + self.vx
     if x < 0 {
       x = -x
       self.vx = -self.vx
       self.bounces += 1
     } else if x >= w {
       x = 2 * (w - 1) - x
       self.vx = -self.vx
       self.bounces += 1
     }
     self.x = x
     var y = self.y + self.vy
     if y < 0 {
       y = -y
       self.vy = -self.vy
       self.bounces += 1
     } else if y >= h {
       y = 2 * (h - 1) - y
       self.vy = -self.vy
       self.bounces += 1
     }
     self.y = y
   }}
}

fn new_stats() {
  {total: 0, count: 0, max: 0,
   add: fn(self, value) {
     self.total += value
     self.count += 1
     if value > self.max { self.max = value }
   }}
}

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 100000 }
  let ps = []
  for i in 0..NPART {
    push(ps, new_particle((i * 37) % W, (i * 91) % H, i % 7 - 3, i % 5 - 2))
  }
  let stats = new_stats()
  for _ in 0..n {
    for p in ps {
      p.step(p, W, H)
      stats.add(stats, p.x + p.y)
    }
  }
  var bounces = 0
  for p in ps {
    bounces += p.bounces
  }
  print("methods(${n}) = ${stats.total} ${stats.count} ${stats.max} ${bounces}")
}

main()
