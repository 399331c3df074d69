parts = []
i = 0
while i < 200000:
    parts.append(f"item{i}")
    i = i + 1
text = ",".join(parts)
print(len(text))
