local pegs = {{}, {}, {}}
local moves = 0

local function move(n, from, to, via)
  if n == 0 then return end
  move(n - 1, from, via, to)
  local src = pegs[from + 1]
  local disk = src[#src]
  src[#src] = nil
  local dst = pegs[to + 1]
  dst[#dst + 1] = disk
  moves = moves + 1
  move(n - 1, via, to, from)
end

local disk = 20
while disk > 0 do
  local p = pegs[1]
  p[#p + 1] = disk
  disk = disk - 1
end
move(20, 0, 2, 1)
print(moves)
print(#pegs[3])
