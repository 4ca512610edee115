# helper module (not a test): a module-level map filled through a function
let entries = {}
fn register(name, value) { entries[name] = value }
fn count() { len(entries) }
