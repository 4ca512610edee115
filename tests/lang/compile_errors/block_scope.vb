# a let inside a block is not visible after the block
# expect-error: undefined name 'inner'
# expect-error: block_scope.vb:7:7
{
  let inner = 1
}
print(inner)
