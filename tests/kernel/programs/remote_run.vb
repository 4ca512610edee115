# tests/kernel/programs/remote_run.vb — run with `vb run --on`: its output and
# exit status come back to the caller.
import io
print("hello from", v.node(), "args", args())
io.write("no newline, ")
print("then one")
let e = try { [1][5] } catch e { e.kind }
print(e)
exit(len(args()))
