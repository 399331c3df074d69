-- Are We Fast Yet's Bounce: 100 balls (tables) bouncing in a 500 x 500 box
-- for 50 steps, counting the bounces; the balls start from the benchmark
-- suite's own generator, with its seed at the top level.
local seed = 74755

local function next_random()
  seed = (seed * 1309 + 13849) % 65536
  return seed
end

local function make_ball()
  return {x = next_random() % 500, y = next_random() % 500,
          x_vel = next_random() % 300 - 150, y_vel = next_random() % 300 - 150}
end

local function bounce(ball)
  local x_limit = 500
  local y_limit = 500
  local bounced = false
  ball.x = ball.x + ball.x_vel
  ball.y = ball.y + ball.y_vel
  if ball.x > x_limit then
    ball.x = x_limit
    ball.x_vel = 0 - math.abs(ball.x_vel)
    bounced = true
  end
  if ball.x < 0 then
    ball.x = 0
    ball.x_vel = math.abs(ball.x_vel)
    bounced = true
  end
  if ball.y > y_limit then
    ball.y = y_limit
    ball.y_vel = 0 - math.abs(ball.y_vel)
    bounced = true
  end
  if ball.y < 0 then
    ball.y = 0
    ball.y_vel = math.abs(ball.y_vel)
    bounced = true
  end
  return bounced
end

local total = 0
for _ = 1, 300 do
  seed = 74755
  local balls = {}
  for _ = 1, 100 do balls[#balls + 1] = make_ball() end
  local bounces = 0
  for _ = 1, 50 do
    for _, ball in ipairs(balls) do
      if bounce(ball) then bounces = bounces + 1 end
    end
  end
  total = total + bounces
end
print(total)
