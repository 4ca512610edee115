# an error inside a module function shows the module's file and line in the trace
# expect-error: error[:zero_division]
# expect-error: faulty.vb:4 in fail
# expect-error: module_error_trace.vb:6 in <main>
import "lib/faulty.vb" as faulty
print(faulty.fail(1))
