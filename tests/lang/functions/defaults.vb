# default parameter values are used when arguments are missing
# expect: hello, ann
# expect: hi, bob
# expect: 1 2 3
# expect: 1 5 3
# expect: 1 5 6
fn greet(name, greeting = "hello") { "${greeting}, ${name}" }
print(greet("ann"))
print(greet("bob", "hi"))
fn three(a, b = 2, c = 3) { print(a, b, c) }
three(1)
three(1, 5)
three(1, 5, 6)
