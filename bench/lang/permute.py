# Are We Fast Yet's Permute: count the calls that generate the
# permutations of six elements by swapping, with the state at the top level.
count = 0
v = [0, 0, 0, 0, 0, 0]

def swap(i, j):
    tmp = v[i]
    v[i] = v[j]
    v[j] = tmp

def permute(n):
    global count
    count = count + 1
    if n != 0:
        n1 = n - 1
        permute(n1)
        i = n1
        while i >= 0:
            swap(n1, i)
            permute(n1)
            swap(n1, i)
            i = i - 1

total = 0
for _ in range(250):
    count = 0
    v = [0, 0, 0, 0, 0, 0]
    permute(6)
    total = total + count
print(total)
