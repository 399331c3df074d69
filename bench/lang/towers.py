# Are We Fast Yet's Towers: Towers of Hanoi with each pile a linked list of
# disks (maps), the piles and the move count in top-level variables.
piles = [None, None, None]
moves_done = 0

def push_disk(disk, pile):
    top = piles[pile]
    if top is not None and disk["size"] >= top["size"]:
        print("cannot put a big disk on a smaller one")
    disk["next"] = top
    piles[pile] = disk

def pop_disk_from(pile):
    top = piles[pile]
    piles[pile] = top["next"]
    top["next"] = None
    return top

def move_top_disk(from_pile, to_pile):
    global moves_done
    push_disk(pop_disk_from(from_pile), to_pile)
    moves_done = moves_done + 1

def build_tower_at(pile, disks):
    i = disks
    while i >= 0:
        push_disk({"size": i, "next": None}, pile)
        i = i - 1

def move_disks(disks, from_pile, to_pile):
    if disks == 1:
        move_top_disk(from_pile, to_pile)
    else:
        other_pile = 3 - from_pile - to_pile
        move_disks(disks - 1, from_pile, other_pile)
        move_top_disk(from_pile, to_pile)
        move_disks(disks - 1, other_pile, to_pile)

total = 0
for _ in range(150):
    piles = [None, None, None]
    build_tower_at(0, 13)
    moves_done = 0
    move_disks(13, 0, 1)
    total = total + moves_done
print(total)
