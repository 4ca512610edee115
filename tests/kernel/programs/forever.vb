# tests/kernel/programs/forever.vb — never ends by itself: Ctrl-C of
# `vb run --on` must stop it there.
print("looping")
var i = 0
while true { i += 1 }
