# Are We Fast Yet's Storage: build a tree of lists four wide and seven
# deep, with leaves of 1 to 10 empty slots (sizes from the suite's
# generator), counting the lists made.
seed = 74755
count = 0

def next_random():
    global seed
    seed = (seed * 1309 + 13849) % 65536
    return seed

def build_tree_depth(depth):
    global count
    count = count + 1
    if depth == 1:
        leaf = []
        for _ in range(next_random() % 10 + 1):
            leaf.append(None)
        return leaf
    return [build_tree_depth(depth - 1), build_tree_depth(depth - 1),
            build_tree_depth(depth - 1), build_tree_depth(depth - 1)]

total = 0
for _ in range(150):
    seed = 74755
    count = 0
    build_tree_depth(7)
    total = total + count
print(total)
