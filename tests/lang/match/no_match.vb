# a match with no fitting arm raises :no_match
# expect: :no_match
# expect: still running
let r = try { match 5 { 1 => "one", 2 => "two" } } catch e { e.kind }
print(r)
print("still running")
