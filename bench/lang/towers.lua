-- Are We Fast Yet's Towers: Towers of Hanoi with each pile a linked list of
-- disks (tables), the piles and the move count in top-level variables.
local piles = {nil, nil, nil}
local moves_done = 0

local function push_disk(disk, pile)
  local top = piles[pile]
  if top ~= nil and disk.size >= top.size then
    print("cannot put a big disk on a smaller one")
  end
  disk.next = top
  piles[pile] = disk
end

local function pop_disk_from(pile)
  local top = piles[pile]
  piles[pile] = top.next
  top.next = nil
  return top
end

local function move_top_disk(from_pile, to_pile)
  push_disk(pop_disk_from(from_pile), to_pile)
  moves_done = moves_done + 1
end

local function build_tower_at(pile, disks)
  local i = disks
  while i >= 0 do
    push_disk({size = i, next = nil}, pile)
    i = i - 1
  end
end

local function move_disks(disks, from_pile, to_pile)
  if disks == 1 then
    move_top_disk(from_pile, to_pile)
  else
    local other_pile = 6 - from_pile - to_pile
    move_disks(disks - 1, from_pile, other_pile)
    move_top_disk(from_pile, to_pile)
    move_disks(disks - 1, other_pile, to_pile)
  end
end

local total = 0
for _ = 1, 150 do
  piles = {nil, nil, nil}
  build_tower_at(1, 13)
  moves_done = 0
  move_disks(13, 1, 2)
  total = total + moves_done
end
print(total)
