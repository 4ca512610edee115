# binary_trees: the benchmarks-game binary-trees program (allocation / GC
# stress). A tree is a 2-tuple (left, right); a leaf is the empty tuple ().
# Instead of the usual report lines, one checksum line is printed: the sum of
# all the "check" values (node counts) the classic program would print.

fn bottom_up_tree(depth) {
  if depth > 0 {
    let d = depth - 1
    (bottom_up_tree(d), bottom_up_tree(d))
  } else {
    ()
  }
}

fn item_check(tree) {
  match tree {
    (left, right) => 1 + item_check(left) + item_check(right),
    _ => 1,
  }
}

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 16 }
  let min_depth = 4
  let max_depth = if n > min_depth + 2 { n } else { min_depth + 2 }
  var total = 0

  let stretch_depth = max_depth + 1
  total += item_check(bottom_up_tree(stretch_depth))

  let long_lived_tree = bottom_up_tree(max_depth)

  for depth in range(min_depth, max_depth + 1, 2) {
    let iterations = 2 ** (max_depth - depth + min_depth)
    var check = 0
    for _ in 0..iterations {
      check += item_check(bottom_up_tree(depth))
    }
    total += check
  }

  total += item_check(long_lived_tree)
  print("binary_trees(${n}) = ${total}")
}

main()
