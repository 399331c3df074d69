def sieve(limit):
    flags = []
    for _ in range(limit):
        flags.append(True)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i < limit:
        if flags[i]:
            j = i * i
            while j < limit:
                flags[j] = False
                j = j + i
        i = i + 1
    count = 0
    for f in flags:
        if f:
            count = count + 1
    return count
print(sieve(2000000))
