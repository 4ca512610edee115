# nbody: the benchmarks-game n-body simulation (float arithmetic, field
# access). A body is a map with fields x y z vx vy vz mass, read and written
# as `b.x`. The arithmetic is written in the same order as in nbody.lua / .py
# / .c, so the printed energies agree to every printed digit.

import math

let PI = 3.141592653589793
let SOLAR_MASS = 4 * PI * PI
let DAYS_PER_YEAR = 365.24

fn body(x, y, z, vx, vy, vz, mass) {
  {x: x, y: y, z: z,
   vx: vx * DAYS_PER_YEAR, vy: vy * DAYS_PER_YEAR, vz: vz * DAYS_PER_YEAR,
   mass: mass * SOLAR_MASS}
}

fn make_bodies() {
  [
    # Sun
    body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
    # Jupiter
    body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
         9.54791938424326609e-04),
    # Saturn
    body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
         2.85885980666130812e-04),
    # Uranus
    body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
         4.36624404335156298e-05),
    # Neptune
    body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
         5.15138902046611451e-05),
  ]
}

fn advance(bodies, nbody, dt) {
  for i in 0..nbody {
    let bi = bodies[i]
    for j in (i + 1)..nbody {
      let bj = bodies[j]
      let dx = bi.x - bj.x
      let dy = bi.y - bj.y
      let dz = bi.z - bj.z
      let d2 = dx * dx + dy * dy + dz * dz
      let mag = dt / (d2 * math.sqrt(d2))
      let mj = bj.mass * mag
      bi.vx = bi.vx - dx * mj
      bi.vy = bi.vy - dy * mj
      bi.vz = bi.vz - dz * mj
      let mi = bi.mass * mag
      bj.vx = bj.vx + dx * mi
      bj.vy = bj.vy + dy * mi
      bj.vz = bj.vz + dz * mi
    }
  }
  for i in 0..nbody {
    let b = bodies[i]
    b.x = b.x + dt * b.vx
    b.y = b.y + dt * b.vy
    b.z = b.z + dt * b.vz
  }
}

fn energy(bodies, nbody) {
  var e = 0.0
  for i in 0..nbody {
    let bi = bodies[i]
    e = e + 0.5 * bi.mass * (bi.vx * bi.vx + bi.vy * bi.vy + bi.vz * bi.vz)
    for j in (i + 1)..nbody {
      let bj = bodies[j]
      let dx = bi.x - bj.x
      let dy = bi.y - bj.y
      let dz = bi.z - bj.z
      e = e - (bi.mass * bj.mass) / math.sqrt(dx * dx + dy * dy + dz * dz)
    }
  }
  e
}

fn offset_momentum(bodies, nbody) {
  var px = 0.0
  var py = 0.0
  var pz = 0.0
  for i in 0..nbody {
    let b = bodies[i]
    px = px + b.vx * b.mass
    py = py + b.vy * b.mass
    pz = pz + b.vz * b.mass
  }
  let sun = bodies[0]
  sun.vx = -px / SOLAR_MASS
  sun.vy = -py / SOLAR_MASS
  sun.vz = -pz / SOLAR_MASS
}

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 1000000 }
  let bodies = make_bodies()
  let nbody = len(bodies)
  offset_momentum(bodies, nbody)
  let e0 = energy(bodies, nbody)
  for _ in 0..n {
    advance(bodies, nbody, 0.01)
  }
  let e1 = energy(bodies, nbody)
  let s0 = fmt(e0, ".9f")
  let s1 = fmt(e1, ".9f")
  print("nbody(${n}) = ${s0} ${s1}")
}

main()
