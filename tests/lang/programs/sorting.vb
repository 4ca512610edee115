# sorting algorithms (insertion, selection, bubble, merge, quick, heap) agree with sort()
# expect: insertion [-7, -2, 0, 1, 3, 5, 5, 9]
# expect: selection [-7, -2, 0, 1, 3, 5, 5, 9]
# expect: bubble [-7, -2, 0, 1, 3, 5, 5, 9]
# expect: merge [-7, -2, 0, 1, 3, 5, 5, 9]
# expect: quick [-7, -2, 0, 1, 3, 5, 5, 9]
# expect: heap [-7, -2, 0, 1, 3, 5, 5, 9]
# expect: original [5, -2, 9, 0, 5, 3, -7, 1]
# expect: insertion agrees with sort()
# expect: selection agrees with sort()
# expect: bubble agrees with sort()
# expect: merge agrees with sort()
# expect: quick agrees with sort()
# expect: heap agrees with sort()
# expect: ["Apple", "apple", "banana", "fig", "pear"]
# expect: ["fig", "pear", "Apple", "apple", "banana"]
var seed = 12345
fn rand(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648
  (seed // 65536) % n
}
fn insertion_sort(input) {
  let a = input[0..len(input)]
  for i in 1..len(a) {
    let x = a[i]
    var j = i - 1
    while j >= 0 and a[j] > x {
      a[j + 1] = a[j]
      j -= 1
    }
    a[j + 1] = x
  }
  a
}
fn selection_sort(input) {
  let a = input[0..len(input)]
  for i in 0..len(a) {
    var m = i
    for j in i + 1..len(a) { if a[j] < a[m] { m = j } }
    let tmp = a[i]
    a[i] = a[m]
    a[m] = tmp
  }
  a
}
fn bubble_sort(input) {
  let a = input[0..len(input)]
  var swapped = true
  while swapped {
    swapped = false
    for i in 1..len(a) {
      if a[i - 1] > a[i] {
        let tmp = a[i]
        a[i] = a[i - 1]
        a[i - 1] = tmp
        swapped = true
      }
    }
  }
  a
}
fn merge(l, r) {
  let out = []
  var i = 0
  var j = 0
  while i < len(l) and j < len(r) {
    if r[j] < l[i] {
      push(out, r[j])
      j += 1
    } else {
      push(out, l[i])
      i += 1
    }
  }
  out ++ l[i..len(l)] ++ r[j..len(r)]
}
fn merge_sort(a) {
  if len(a) <= 1 { return a }
  let mid = len(a) // 2
  merge(merge_sort(a[0..mid]), merge_sort(a[mid..len(a)]))
}
fn quick_sort(a) {
  match a {
    [] => [],
    [pivot, ..rest] => {
      let smaller = filter(rest, fn(x) { x < pivot })
      let larger = filter(rest, fn(x) { x >= pivot })
      quick_sort(smaller) ++ [pivot] ++ quick_sort(larger)
    }
  }
}
fn heap_sort(input) {
  let a = input[0..len(input)]
  let n = len(a)
  fn sift(start, end) {
    var root = start
    while 2 * root + 1 < end {
      var child = 2 * root + 1
      if child + 1 < end and a[child] < a[child + 1] { child += 1 }
      if a[root] < a[child] {
        let tmp = a[root]
        a[root] = a[child]
        a[child] = tmp
        root = child
      } else {
        return nil
      }
    }
  }
  for start in range(n // 2 - 1, -1, -1) { sift(start, n) }
  for end in range(n - 1, 0, -1) {
    let tmp = a[0]
    a[0] = a[end]
    a[end] = tmp
    sift(0, end)
  }
  a
}
let sorters = [
  ("insertion", insertion_sort),
  ("selection", selection_sort),
  ("bubble", bubble_sort),
  ("merge", merge_sort),
  ("quick", quick_sort),
  ("heap", heap_sort),
]
let small = [5, -2, 9, 0, 5, 3, -7, 1]
for (name, f) in sorters { print(name, f(small)) }
print("original", small)
let cases = [[], [1], [2, 1], [3, 3, 3], range(20, 0, -1) |> map(fn(x) { x })]
let big = []
for i in 0..300 { push(big, rand(1000) - 500) }
push(cases, big)
for (name, f) in sorters {
  let ok = fold(cases, true, fn(acc, c) { acc and f(c) == sort(c) })
  print(name, if ok { "agrees with sort()" } else { "WRONG" })
}
let words = ["pear", "Apple", "fig", "banana", "apple"]
print(merge_sort(words))
print(sort(words, fn(a, b) { len(a) < len(b) }))
