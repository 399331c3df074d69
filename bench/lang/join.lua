local parts = {}
local i = 0
while i < 200000 do
  parts[#parts + 1] = "item" .. i
  i = i + 1
end
local text = table.concat(parts, ",")
print(#text)
