# an uncaught error in a spawned process is reported on stderr with its kind; main is unaffected
# expect: main ok
# expect-error: error[:key_error]
# expect-exit: 0
import time
fn broken() {
  let m = {}
  m.missing
}
spawn(broken)
time.sleep(20)
print("main ok")
