# calls in tail position inside else-if, match arms and nested blocks are proper tail calls
# expect: 0
# expect: done
fn down(n) {
  if n == 0 { 0 }
  else if n % 2 == 0 { down(n - 1) }
  else { { down(n - 1) } }
}
print(down(1000000))
fn walk(n) {
  match n {
    0 => "done",
    _ => walk(n - 1),
  }
}
print(walk(1000000))
