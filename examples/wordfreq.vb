# wordfreq.vb — counts words read from standard input and prints the ten most
# frequent, most frequent first, ties in alphabetical order. Shows io.read_line,
# string iteration, maps as counters, and sort with a custom order.
# Run: vb examples/wordfreq.vb < some-text.txt
# A word is a run of the letters a-z (after lowering the case) and apostrophes
# inside a word ("don't" is one word); everything else separates words.
import io
import str

fn is_letter(c) { c >= "a" and c <= "z" }

# Adds the words of one line to the counts map.
fn count_words(line, counts) {
  var word = ""
  for c in str.lower(line) ++ " " {
    if is_letter(c) or (c == "'" and word != "") {
      word ++= c
    } else if word != "" {
      # an apostrophe at the end of a word is a closing quote, not part of it
      while str.ends_with(word, "'") { word = word[0..len(word) - 1] }
      counts[word] = get(counts, word, 0) + 1
      word = ""
    }
  }
}

let counts = {}
var total = 0
while true {
  let line = io.read_line()
  if line == nil { break }
  count_words(line, counts)
}
for (_, n) in counts { total += n }

# (word, count) pairs: higher count first, then alphabetical
let ranked = sort(keys(counts) |> map(fn(w) { (w, counts[w]) }), fn(a, b) {
  a[1] > b[1] or (a[1] == b[1] and a[0] < b[0])
})

print("${total} words, ${len(counts)} different")
for (word, n) in ranked[0..10] {
  print(fmt(n, ">4"), word)
}
