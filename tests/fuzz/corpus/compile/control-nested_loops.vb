# break in an inner loop leaves only the inner loop
# expect: (0, 0)
# expect: (1, 0)
# expect: (1, 1)
# expect: (2, 0)
# expect: (2, 1)
# expect: (2, 2)
for i in 0..3 {
  for j in 0..10 {
    if j > i { break }
    print((i, j))
  }
}
