# exit() ends the program with status 0, even from inside a function
# expect: start
fn stop() { exit() }
print("start")
stop()
print("never")
