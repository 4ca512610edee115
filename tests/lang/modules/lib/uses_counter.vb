# helper module (not a test): imports counter.vb from its own directory
import "counter.vb" as c
print("uses_counter loaded")
fn bump() { c.next() }
