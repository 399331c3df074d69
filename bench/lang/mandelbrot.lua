-- Are We Fast Yet's Mandelbrot: the escape test in decimals for each point
-- of a size x size grid, the bits packed into bytes and folded by xor (with
-- no bit operators in the routine language: arithmetic on bits).
local function bxor(a, b)
  local result = 0
  local bit = 1
  while a > 0 or b > 0 do
    if a % 2 ~= b % 2 then result = result + bit end
    a = a // 2
    b = b // 2
    bit = bit * 2
  end
  return result
end

local function mandelbrot(size)
  local total = 0
  local byte_acc = 0
  local bit_num = 0
  local y = 0
  while y < size do
    local ci = (2.0 * y / size) - 1.0
    local x = 0
    while x < size do
      local zrzr = 0.0
      local zi = 0.0
      local zizi = 0.0
      local cr = (2.0 * x / size) - 1.5
      local z = 0
      local not_done = true
      local escape = 0
      while not_done and z < 50 do
        local zr = zrzr - zizi + cr
        zi = 2.0 * zr * zi + ci
        zrzr = zr * zr
        zizi = zi * zi
        if zrzr + zizi > 4.0 then
          not_done = false
          escape = 1
        end
        z = z + 1
      end
      byte_acc = byte_acc * 2 + escape
      bit_num = bit_num + 1
      if bit_num == 8 then
        total = bxor(total, byte_acc)
        byte_acc = 0
        bit_num = 0
      elseif x == size - 1 then
        while bit_num < 8 do
          byte_acc = byte_acc * 2
          bit_num = bit_num + 1
        end
        total = bxor(total, byte_acc)
        byte_acc = 0
        bit_num = 0
      end
      x = x + 1
    end
    y = y + 1
  end
  return total
end

print(mandelbrot(300))
