# blocks are expressions: the value of the last expression, or nil
# expect: 3
# expect: nil
# expect: 6
# expect: nil
# expect: nil
let a = { let x = 1; x + 2 }
print(a)
let b = { let y = 1 }
print(b)
let c = {
  let p = 2
  let q = { p * 3 }
  q
}
print(c)
let d = { for i in 0..2 { i } }
print(d)
let e = { while false {} }
print(e)
