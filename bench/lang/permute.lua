-- Are We Fast Yet's Permute: count the calls that generate the
-- permutations of six elements by swapping, with the state at the top level.
local count = 0
local v = {0, 0, 0, 0, 0, 0}

local function swap(i, j)
  local tmp = v[i]
  v[i] = v[j]
  v[j] = tmp
end

local function permute(n)
  count = count + 1
  if n ~= 0 then
    local n1 = n - 1
    permute(n1)
    local i = n
    while i >= 1 do
      swap(n, i)
      permute(n1)
      swap(n, i)
      i = i - 1
    end
  end
end

local total = 0
for _ = 1, 250 do
  count = 0
  v = {0, 0, 0, 0, 0, 0}
  permute(6)
  total = total + count
end
print(total)
