# helper module (not a test): a module var changed by the module's own functions
var level = 0
let log = []
fn bump_level() {
  level += 1
  push(log, level)
}
