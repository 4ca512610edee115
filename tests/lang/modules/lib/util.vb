# helper module (not a test): constants and functions; double calls mul, defined later
let VERSION = "1.2"
fn add(a, b) { a + b }
fn double(x) { mul(x, 2) }
fn mul(a, b) { a * b }
fn greet(name, greeting = "hello") { "${greeting}, ${name}" }
