# hashmap: insert n string keys "k${i}" (0 <= i < n) with integer values i
# into a map, then look every key up again and sum the values (string
# building, hashing, table growth). Same output as hashmap.lua / .py / .c.

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 1000000 }
  let table = {}
  for i in 0..n {
    table["k${i}"] = i
  }
  var sum = 0
  for i in 0..n {
    sum += table["k${i}"]
  }
  print("hashmap(${n}) = ${sum}")
}

main()
