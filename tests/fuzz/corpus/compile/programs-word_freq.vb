# string processing: normalise words, count frequencies in a map, rank them, capitalise
# expect: words: 22, distinct: 13
# expect: the   5
# expect: dog   3
# expect: fox   3
# expect: a     2
# expect: and   1
# expect: longest: sleeps
# expect: Hello Big World
import str as s
let lines = [
  "The quick brown fox jumps over the lazy dog.",
  "The dog sleeps; the fox runs!",
  "A fox, a dog, and THE end.",
]
fn clean(word) {
  var out = ""
  for c in s.lower(word) {
    if c >= "a" and c <= "z" { out ++= c }
  }
  out
}
let counts = {}
var total = 0
for line in lines {
  for w in s.split(line, " ") {
    let word = clean(w)
    if word != "" {
      counts[word] = get(counts, word, 0) + 1
      total += 1
    }
  }
}
print("words: ${total}, distinct: ${len(counts)}")
let ranked = sort(keys(counts), fn(a, b) {
  if counts[a] != counts[b] { counts[a] > counts[b] } else { a < b }
})
for w in ranked[0..5] { print(fmt(w, "<6") ++ str(counts[w])) }
let longest = fold(keys(counts), "", fn(best, w) { if len(w) > len(best) { w } else { best } })
print("longest: ${longest}")
let caps = map(s.split("hello big world", " "), fn(w) { s.upper(w[0..1]) ++ w[1..len(w)] })
print(s.join(caps, " "))
