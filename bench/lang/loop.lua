local function loop()
  local i = 0
  local total = 0
  while i < 10000000 do
    total = (total + i * 7) % 1000003
    i = i + 1
  end
  return total
end
print(loop())
