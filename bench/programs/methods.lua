-- methods: method-style calls on records. A particle is a table with integer
-- fields (x, y, vx, vy, bounces) whose methods come from the class table
-- Particle through a metatable; Stats likewise (total, count, max). NPART
-- particles move in a W x H box for n steps, bouncing off the walls; after
-- each particle's step its x + y goes into the statistics: p:step(w, h) and
-- stats:add(v), about twenty field reads and writes per particle step.
local W, H, NPART = 1000, 800, 64

local Particle = {}
Particle.__index = Particle

function Particle.new(x, y, vx, vy)
  return setmetatable({x = x, y = y, vx = vx, vy = vy, bounces = 0}, Particle)
end

function Particle:step(w, h)
  local x = self.x + self.vx
  if x < 0 then
    x = -x
    self.vx = -self.vx
    self.bounces = self.bounces + 1
  elseif x >= w then
    x = 2 * (w - 1) - x
    self.vx = -self.vx
    self.bounces = self.bounces + 1
  end
  self.x = x
  local y = self.y + self.vy
  if y < 0 then
    y = -y
    self.vy = -self.vy
    self.bounces = self.bounces + 1
  elseif y >= h then
    y = 2 * (h - 1) - y
    self.vy = -self.vy
    self.bounces = self.bounces + 1
  end
  self.y = y
end

local Stats = {}
Stats.__index = Stats

function Stats.new()
  return setmetatable({total = 0, count = 0, max = 0}, Stats)
end

function Stats:add(value)
  self.total = self.total + value
  self.count = self.count + 1
  if value > self.max then self.max = value end
end

local n = tonumber(arg and arg[1]) or 100000
local ps = {}
for i = 0, NPART - 1 do
  ps[#ps + 1] = Particle.new((i * 37) % W, (i * 91) % H, i % 7 - 3, i % 5 - 2)
end
local stats = Stats.new()
for _ = 1, n do
  for j = 1, #ps do
    local p = ps[j]
    p:step(W, H)
    stats:add(p.x + p.y)
  end
end
local bounces = 0
for j = 1, #ps do
  bounces = bounces + ps[j].bounces
end
print(string.format("methods(%d) = %d %d %d %d", n, stats.total, stats.count, stats.max, bounces))
