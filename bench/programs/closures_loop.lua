-- closures_loop: closures made inside a loop. Each iteration i makes a small
-- closure that captures the loop variable i (a fresh local per iteration)
-- and the mutable accumulator acc (a local of the main chunk shared by all
-- of them, changed by every call); the closure is called at once, and every
-- 8th one is also kept in an array. When 64 are kept they are all called
-- again (the j-th with j, counting from 0) and the array is replaced; those
-- left at the end are called after the loop.
local KEEP_EVERY, BATCH = 8, 64

local n = tonumber(arg and arg[1]) or 3000000
local acc, total = 0, 0
local saved = {}
for i = 0, n - 1 do
  local f = function(x)
    acc = acc + x + i
    return (acc + i) % 1000
  end
  total = total + f(i % 7)
  if i % KEEP_EVERY == 0 then
    saved[#saved + 1] = f
    if #saved == BATCH then
      for j = 1, #saved do
        total = total + saved[j](j - 1)
      end
      saved = {}
    end
  end
end
for j = 1, #saved do
  total = total + saved[j](j - 1)
end
print(string.format("closures_loop(%d) = %d %d", n, total, acc))
