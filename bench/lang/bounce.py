# Are We Fast Yet's Bounce: 100 balls (maps) bouncing in a 500 x 500 box
# for 50 steps, counting the bounces; the balls start from the benchmark
# suite's own generator, with its seed at the top level.
seed = 74755

def next_random():
    global seed
    seed = (seed * 1309 + 13849) % 65536
    return seed

def make_ball():
    return {"x": next_random() % 500, "y": next_random() % 500,
            "x_vel": next_random() % 300 - 150, "y_vel": next_random() % 300 - 150}

def bounce(ball):
    x_limit = 500
    y_limit = 500
    bounced = False
    ball["x"] = ball["x"] + ball["x_vel"]
    ball["y"] = ball["y"] + ball["y_vel"]
    if ball["x"] > x_limit:
        ball["x"] = x_limit
        ball["x_vel"] = 0 - abs(ball["x_vel"])
        bounced = True
    if ball["x"] < 0:
        ball["x"] = 0
        ball["x_vel"] = abs(ball["x_vel"])
        bounced = True
    if ball["y"] > y_limit:
        ball["y"] = y_limit
        ball["y_vel"] = 0 - abs(ball["y_vel"])
        bounced = True
    if ball["y"] < 0:
        ball["y"] = 0
        ball["y_vel"] = abs(ball["y_vel"])
        bounced = True
    return bounced

total = 0
for _ in range(300):
    seed = 74755
    balls = []
    for _ in range(100):
        balls.append(make_ball())
    bounces = 0
    for _ in range(50):
        for ball in balls:
            if bounce(ball):
                bounces = bounces + 1
    total = total + bounces
print(total)
