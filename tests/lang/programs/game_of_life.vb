# Conway's game of life on a small wrapping grid: a glider moves one cell diagonally every 4 generations
# expect: .#......
# expect: ..#.....
# expect: ###.....
# expect: ........
# expect: ........
# expect: ........
# expect: population 5
# expect: after 4 generations:
# expect: ........
# expect: ..#.....
# expect: ...#....
# expect: .###....
# expect: ........
# expect: ........
# expect: population 5
# expect: after 24 generations:
# expect: .......#
# expect: #.......
# expect: #.....##
# expect: ........
# expect: ........
# expect: ........
import str as s
let W = 8
let H = 6
fn parse(rows) { map(rows, fn(r) { map(s.chars(r), fn(c) { c == "#" }) }) }
fn show(grid) { each(grid, fn(row) { print(s.join(map(row, fn(c) { if c { "#" } else { "." } }), "")) }) }
fn neighbours(grid, y, x) {
  var n = 0
  for dy in -1..=1 {
    for dx in -1..=1 {
      if dy == 0 and dx == 0 { continue }
      if grid[(y + dy) % H][(x + dx) % W] { n += 1 }
    }
  }
  n
}
fn step(grid) {
  map(0..H, fn(y) {
    map(0..W, fn(x) {
      let n = neighbours(grid, y, x)
      match (grid[y][x], n) {
        (true, 2) | (true, 3) => true,
        (false, 3) => true,
        _ => false,
      }
    })
  })
}
fn population(grid) { fold(grid, 0, fn(acc, row) { acc + len(filter(row, fn(c) { c })) }) }
var g = parse([
  ".#......",
  "..#.....",
  "###.....",
  "........",
  "........",
  "........",
])
show(g)
print("population ${population(g)}")
for i in 0..4 { g = step(g) }
print("after 4 generations:")
show(g)
print("population ${population(g)}")
for i in 0..20 { g = step(g) }
print("after 24 generations:")
show(g)
