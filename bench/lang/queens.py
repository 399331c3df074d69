def safe(cols, row, col):
    r = 0
    while r < row:
        c = cols[r]
        if c == col or c - col == row - r or col - c == row - r:
            return False
        r = r + 1
    return True

def place(cols, row, n):
    if row == n:
        return 1
    count = 0
    col = 0
    while col < n:
        if safe(cols, row, col):
            cols[row] = col
            count = count + place(cols, row + 1, n)
        col = col + 1
    return count

total = 0
for _ in range(50):
    total = total + place([0, 0, 0, 0, 0, 0, 0, 0], 0, 8)
print(total // 50)
