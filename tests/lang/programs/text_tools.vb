# string processing: caesar cipher, run-length encoding, palindromes, vowels, replace
# expect: Khoor, Zruog!
# expect: Hello, World!
# expect: abc def
# expect: 3a1b2c5d1e
# expect: aaabccddddde
# expect: 12w1b
# expect: true
# expect: []
# expect: true A man, a plan, a canal: Panama
# expect: false hello
# expect: true Was it a car or a cat I saw?
# expect: 5
# expect: many  spaces
import str as s
fn shift_char(c, k) {
  let o = s.ord(c)
  if o >= 97 and o <= 122 { s.chr((o - 97 + k) % 26 + 97) }
  else if o >= 65 and o <= 90 { s.chr((o - 65 + k) % 26 + 65) }
  else { c }
}
fn caesar(text, k) { s.join(map(s.chars(text), fn(c) { shift_char(c, k) }), "") }
let secret = caesar("Hello, World!", 3)
print(secret)
print(caesar(secret, -3))
print(caesar("xyz abc", 3))
fn rle(text) {
  if text == "" { return "" }
  let cs = s.chars(text)
  var out = ""
  var run = cs[0]
  var n = 1
  for c in cs[1..len(cs)] {
    if c == run {
      n += 1
    } else {
      out ++= "${n}${run}"
      run = c
      n = 1
    }
  }
  out ++ "${n}${run}"
}
fn unrle(code) {
  var out = ""
  var n = 0
  for c in code {
    if c >= "0" and c <= "9" {
      n = n * 10 + int(c)
    } else {
      out ++= s.repeat(c, n)
      n = 0
    }
  }
  out
}
let packed = rle("aaabccddddde")
print(packed)
print(unrle(packed))
print(rle("wwwwwwwwwwwwb"))
print(unrle("12w1b") == "wwwwwwwwwwwwb")
print("[" ++ rle("") ++ "]")
fn is_palindrome(text) {
  let letters = filter(s.chars(s.lower(text)), fn(c) { c >= "a" and c <= "z" })
  letters == reverse(letters)
}
for p in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?"] {
  print(is_palindrome(p), p)
}
fn vowels(text) { len(filter(s.chars(s.lower(text)), fn(c) { c in "aeiou" })) }
print(vowels("The Quick Brown Fox"))
print(s.replace(s.trim("  many   spaces  "), "  ", " "))
