# map patterns: listed keys must be present (other keys allowed); shorthand binds the key's name
# expect: read config.txt
# expect: write 3 bytes to log
# expect: string key 7
# expect: unknown
fn handle(req) {
  match req {
    {op: :read, name} => "read ${name}",
    {op: :write, name, data: d} => "write ${len(d)} bytes to ${name}",
    {"id": id} => "string key ${id}",
    _ => "unknown",
  }
}
print(handle({op: :read, name: "config.txt", extra: true}))
print(handle({op: :write, name: "log", data: "abc"}))
print(handle({"id": 7}))
print(handle({op: :delete, name: "x"}))
