# uncaught :index_error from pop on an empty array
# expect-error: error[:index_error]
# expect-error: kind_index_error.vb:6 in <main>
let stack = [1]
pop(stack)
let x = pop(stack)
