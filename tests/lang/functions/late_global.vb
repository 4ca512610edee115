# a function may read a top-level let defined below it, once that let has run
# expect: 5
# expect: [1, 2]
fn show() { later }
fn items() { table }
let later = 5
let table = [1, 2]
print(show())
print(items())
