-- Are We Fast Yet's Storage: build a tree of tables four wide and seven
-- deep, with leaves of 1 to 10 empty slots (sizes from the suite's
-- generator), counting the tables made. A Lua table cannot hold nil, so an
-- empty slot is false.
local seed = 74755
local count = 0

local function next_random()
  seed = (seed * 1309 + 13849) % 65536
  return seed
end

local function build_tree_depth(depth)
  count = count + 1
  if depth == 1 then
    local leaf = {}
    for _ = 1, next_random() % 10 + 1 do leaf[#leaf + 1] = false end
    return leaf
  end
  return {build_tree_depth(depth - 1), build_tree_depth(depth - 1),
          build_tree_depth(depth - 1), build_tree_depth(depth - 1)}
end

local total = 0
for _ = 1, 150 do
  seed = 74755
  count = 0
  build_tree_depth(7)
  total = total + count
end
print(total)
