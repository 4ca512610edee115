# a function may use a top-level let defined below it, once that let has run
# expect: 5
# expect: 6
fn show() { later }
fn bump() { counter += 1; counter }
let later = 5
var counter = 5
print(show())
print(bump())
