# p | q matches either alternative
# expect: small
# expect: small
# expect: big
# expect: vowel
# expect: consonant
# expect: axis
fn size(n) { match n { 0 | 1 | 2 => "small", _ => "big" } }
print(size(0))
print(size(2))
print(size(3))
fn letter(c) { match c { "a" | "e" | "i" | "o" | "u" => "vowel", _ => "consonant" } }
print(letter("e"))
print(letter("z"))
let r = match (0, 5) { (0, _) | (_, 0) => "axis", _ => "plane" }
print(r)
