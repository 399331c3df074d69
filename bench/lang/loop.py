def loop():
    i = 0
    total = 0
    while i < 10000000:
        total = (total + i * 7) % 1000003
        i = i + 1
    return total
print(loop())
