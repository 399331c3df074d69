# Are We Fast Yet's List: the Takeuchi function on linked lists of maps
# ({"val": …, "next": …}), comparing lengths by walking them.
def make_list(length):
    if length == 0:
        return None
    e = {"val": length, "next": None}
    e["next"] = make_list(length - 1)
    return e

def list_length(e):
    if e["next"] is None:
        return 1
    return 1 + list_length(e["next"])

def is_shorter_than(x, y):
    x_tail = x
    y_tail = y
    while y_tail is not None:
        if x_tail is None:
            return True
        x_tail = x_tail["next"]
        y_tail = y_tail["next"]
    return False

def tail(x, y, z):
    if is_shorter_than(y, x):
        return tail(tail(x["next"], y, z),
                    tail(y["next"], z, x),
                    tail(z["next"], x, y))
    return z

total = 0
for _ in range(400):
    total = total + list_length(tail(make_list(15), make_list(10), make_list(6)))
print(total)
