pegs = [[], [], []]
moves = 0

def move(n, frm, to, via):
    global moves
    if n == 0:
        return
    move(n - 1, frm, via, to)
    pegs[to].append(pegs[frm].pop())
    moves = moves + 1
    move(n - 1, via, to, frm)

disk = 20
while disk > 0:
    pegs[0].append(disk)
    disk = disk - 1
move(20, 0, 2, 1)
print(moves)
print(len(pegs[2]))
