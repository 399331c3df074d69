local function safe(cols, row, col)
  local r = 0
  while r < row do
    local c = cols[r]
    if c == col or c - col == row - r or col - c == row - r then return false end
    r = r + 1
  end
  return true
end

local function place(cols, row, n)
  if row == n then return 1 end
  local count = 0
  local col = 0
  while col < n do
    if safe(cols, row, col) then
      cols[row] = col
      count = count + place(cols, row + 1, n)
    end
    col = col + 1
  end
  return count
end

local total = 0
for _ = 1, 50 do
  total = total + place({[0]=0, 0, 0, 0, 0, 0, 0, 0}, 0, 8)
end
print(total // 50)
