-- server: a request/reply server loop as a coroutine. The server owns a
-- table and answers requests in a loop: each request comes in as the values
-- passed to resume (op, k, d) and the reply goes back through yield.
-- "add" adds d to the value under key k (0 when absent) and replies with the
-- new value, "get" replies with the value (0 when absent), "size" with the
-- number of keys. The client makes n requests, a "get" for every third i
-- and an "add" otherwise, on keys (i * 7) % 1000, and sums the replies; a
-- last "size" request gives the number of keys.
local KEYS = 1000
local yield = coroutine.yield

local server = coroutine.wrap(function(op, k, d)
  local store, size = {}, 0
  while true do
    local reply
    if op == "add" then
      local old = store[k]
      if old == nil then
        old = 0
        size = size + 1
      end
      reply = old + d
      store[k] = reply
    elseif op == "get" then
      reply = store[k] or 0
    elseif op == "size" then
      reply = size
    end
    op, k, d = yield(reply)
  end
end)

local n = tonumber(arg and arg[1]) or 3000000
local sum = 0
for i = 0, n - 1 do
  local k = (i * 7) % KEYS
  if i % 3 == 0 then
    sum = sum + server("get", k)
  else
    sum = sum + server("add", k, i % 100)
  end
end
local size = server("size")
print(string.format("server(%d) = %d %d", n, sum, size))
