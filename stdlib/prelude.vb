# stdlib/prelude.vb — the vb half of the prelude, visible in every module without
# an import: map, filter, fold, each, sort, zip. The natives of the prelude
# (vm/builtins/prelude.cpp: print, len, push, _to_array, _sort_plain, ...) are
# globals here too. Names that start with `_` are private helpers.
#
# `for x in xs` walks every iterable (arrays, tuples, ranges, maps as (k, v)
# tuples, strings by character, bytes, iterator functions), so these take any.

# The process module is visible everywhere, like the functions below.
import v

fn map(xs, f) {
  let out = []
  for x in xs { push(out, f(x)) }
  out
}

fn filter(xs, f) {
  let out = []
  for x in xs {
    if f(x) { push(out, x) }
  }
  out
}

fn fold(xs, init, f) {
  var acc = init
  for x in xs { acc = f(acc, x) }
  acc
}

fn each(xs, f) {
  for x in xs { f(x) }
  nil
}

# The elements of any iterable as a new array (iterator functions included).
fn _collect(xs) {
  if type(xs) == :function {
    let out = []
    for x in xs { push(out, x) }
    out
  } else {
    _to_array(xs)
  }
}

# A new sorted array; stable. Without `less`, elements are ordered by `<`
# (natively); with it, less(a, b) is true when a goes before b.
fn sort(xs, less = nil) {
  if less == nil {
    if type(xs) == :array { return _sort_plain(xs) }
    return _sort_plain(_collect(xs))
  }
  _merge_sort(_collect(xs), less)
}

# Stable bottom-up merge sort of the array `a`, which it reorders and may return:
# insertion sort of runs of 8, then merges that take from the right-hand run
# only when its element is strictly less.
fn _merge_sort(a, less) {
  let n = len(a)
  var width = 8
  var lo = 0
  while lo < n {
    let hi = if lo + width < n { lo + width } else { n }
    var i = lo + 1
    while i < hi {
      let x = a[i]
      var j = i
      while j > lo and less(x, a[j - 1]) {
        a[j] = a[j - 1]
        j -= 1
      }
      a[j] = x
      i += 1
    }
    lo = hi
  }
  var src = a
  var dst = a[0..n]
  while width < n {
    lo = 0
    while lo < n {
      let mid = if lo + width < n { lo + width } else { n }
      let hi = if mid + width < n { mid + width } else { n }
      var i = lo
      var j = mid
      var k = lo
      while i < mid and j < hi {
        if less(src[j], src[i]) {
          dst[k] = src[j]
          j += 1
        } else {
          dst[k] = src[i]
          i += 1
        }
        k += 1
      }
      while i < mid {
        dst[k] = src[i]
        i += 1
        k += 1
      }
      while j < hi {
        dst[k] = src[j]
        j += 1
        k += 1
      }
      lo = hi
    }
    let t = src
    src = dst
    dst = t
    width *= 2
  }
  src
}

# Pairs (a[i], b[i]) as long as the shorter runs. `b` may be an iterator function
# (called until it returns nil); any other iterable is indexed.
fn zip(a, b) {
  let out = []
  if type(b) == :function {
    for x in a {
      let y = b()
      if y == nil { break }
      push(out, (x, y))
    }
  } else {
    let ys = if type(b) == :array or type(b) == :tuple { b } else { _to_array(b) }
    var i = 0
    for x in a {
      if i >= len(ys) { break }
      push(out, (x, ys[i]))
      i += 1
    }
  }
  out
}
