-- strbuild: string building, like a log formatter. For each i in 0..n-1 a
-- log line level .. " " .. name .. "=" .. i .. ";code=" .. code is built by
-- concatenation and appended to a batch; a line whose first four bytes
-- (sub) are "WARN" is counted; every 8th line is hashed over its bytes
-- (string.byte). Every 100 lines, and after the last line, the batch is
-- joined with "\n" (table.concat), its length added up, its "=1" substrings
-- counted (string.find, plain), and its first 16 bytes compared with the
-- previous batch's.
local NAMES = {"alpha", "beta", "gamma", "delta", "epsilon"}
local LEVELS = {"INFO", "WARN", "DEBUG"}
local BATCH = 100
local MOD = 1000000007
local byte, find, sub, concat = string.byte, string.find, string.sub, table.concat

local n = tonumber(arg and arg[1]) or 1000000
local total, warns, ones, rises, hash = 0, 0, 0, 0, 0
local prev = ""
local lines = {}
for i = 0, n - 1 do
  local line = LEVELS[i % 3 + 1] .. " " .. NAMES[i % 5 + 1] .. "=" .. i .. ";code=" .. (i * 7919) % 1000
  if sub(line, 1, 4) == "WARN" then warns = warns + 1 end
  if i % 8 == 0 then
    for j = 1, #line do
      hash = (hash * 31 + byte(line, j)) % MOD
    end
  end
  lines[#lines + 1] = line
  if #lines == BATCH or i == n - 1 then
    local chunk = concat(lines, "\n")
    total = total + #chunk
    local pos = 1
    while true do
      local a, b = find(chunk, "=1", pos, true)
      if not a then break end
      ones = ones + 1
      pos = b + 1
    end
    local head = sub(chunk, 1, 16)
    if head > prev then rises = rises + 1 end
    prev = head
    lines = {}
  end
end
print(string.format("strbuild(%d) = %d %d %d %d %d", n, total, warns, ones, rises, hash))
