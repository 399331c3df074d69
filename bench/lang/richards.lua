-- Are We Fast Yet's Richards: an operating system's scheduler with six
-- tasks (an idler, a worker, two handlers, two devices) passing packets.
-- Tasks, packets and their data are tables; a task's kind picks what it
-- runs (where the original has a closure per task); the scheduler's state
-- is top-level.
local IDLER = 1
local WORKER = 2
local HANDLER_A = 3
local HANDLER_B = 4
local DEVICE_A = 5
local DEVICE_B = 6
local DEVICE_PACKET_KIND = 0
local WORK_PACKET_KIND = 1
local DATA_SIZE = 4

local task_list = nil
local current_task = nil
local current_task_identity = 0
local task_table = {nil, nil, nil, nil, nil, nil}
local queue_count = 0
local hold_count = 0

local function bxor(a, b)
  local result = 0
  local bit = 1
  while a > 0 or b > 0 do
    if a % 2 ~= b % 2 then result = result + bit end
    a = a // 2
    b = b // 2
    bit = bit * 2
  end
  return result
end

local function append_packet(packet, queue_head)
  packet.link = nil
  if queue_head == nil then return packet end
  local mouse = queue_head
  local link = mouse.link
  while link ~= nil do
    mouse = link
    link = mouse.link
  end
  mouse.link = packet
  return queue_head
end

local function make_packet(link, identity, kind)
  return {link = link, identity = identity, kind = kind, datum = 1, data = {0, 0, 0, 0}}
end

local function packet_pending(task)
  task.packet_pending = true
  task.task_waiting = false
  task.task_holding = false
end

local function running(task)
  task.packet_pending = false
  task.task_waiting = false
  task.task_holding = false
end

local function waiting(task)
  task.packet_pending = false
  task.task_waiting = true
  task.task_holding = false
end

local function waiting_with_packet(task)
  task.packet_pending = true
  task.task_waiting = true
  task.task_holding = false
end

local function is_task_holding_or_waiting(task)
  return task.task_holding or (not task.packet_pending and task.task_waiting)
end

local function is_waiting_with_packet(task)
  return task.packet_pending and task.task_waiting and not task.task_holding
end

local function create_task(identity, priority, work, kind, data)
  local task = {link = task_list, identity = identity, priority = priority, input = work,
                packet_pending = false, task_waiting = false, task_holding = false,
                kind = kind, data = data}
  task_list = task
  task_table[identity] = task
  return task
end

local function add_input_and_check_priority(task, packet, old_task)
  if task.input == nil then
    task.input = packet
    task.packet_pending = true
    if task.priority > old_task.priority then return task end
  else
    task.input = append_packet(packet, task.input)
  end
  return old_task
end

local function find_task(identity)
  return task_table[identity]
end

local function hold_self()
  hold_count = hold_count + 1
  current_task.task_holding = true
  return current_task.link
end

local function wait()
  current_task.task_waiting = true
  return current_task
end

local function queue_packet(packet)
  local task = find_task(packet.identity)
  if task == nil then return nil end
  queue_count = queue_count + 1
  packet.link = nil
  packet.identity = current_task_identity
  return add_input_and_check_priority(task, packet, current_task)
end

local function release(identity)
  local task = find_task(identity)
  if task == nil then return nil end
  task.task_holding = false
  if task.priority > current_task.priority then return task end
  return current_task
end

local function run_device(packet, data)
  if packet == nil then
    packet = data.pending
    if packet == nil then return wait() end
    data.pending = nil
    return queue_packet(packet)
  end
  data.pending = packet
  return hold_self()
end

local function run_handler(packet, data)
  if packet ~= nil then
    if packet.kind == WORK_PACKET_KIND then
      data.work_in = append_packet(packet, data.work_in)
    else
      data.device_in = append_packet(packet, data.device_in)
    end
  end
  local work_packet = data.work_in
  if work_packet == nil then return wait() end
  local count = work_packet.datum
  if count > DATA_SIZE then
    data.work_in = work_packet.link
    return queue_packet(work_packet)
  end
  local device_packet = data.device_in
  if device_packet == nil then return wait() end
  data.device_in = device_packet.link
  device_packet.datum = work_packet.data[count]
  work_packet.datum = count + 1
  return queue_packet(device_packet)
end

local function run_idler(packet, data)
  data.count = data.count - 1
  if data.count == 0 then return hold_self() end
  if data.control % 2 == 0 then
    data.control = data.control // 2
    return release(DEVICE_A)
  end
  data.control = bxor((data.control - 1) // 2, 53256)
  return release(DEVICE_B)
end

local function run_worker(packet, data)
  if packet == nil then return wait() end
  if data.destination == HANDLER_A then
    data.destination = HANDLER_B
  else
    data.destination = HANDLER_A
  end
  packet.identity = data.destination
  packet.datum = 1
  for i = 1, DATA_SIZE do
    data.count = data.count + 1
    if data.count > 26 then data.count = 1 end
    packet.data[i] = 65 + data.count - 1
  end
  return queue_packet(packet)
end

local function run_task(task)
  local message = nil
  if is_waiting_with_packet(task) then
    message = task.input
    task.input = message.link
    if task.input == nil then
      running(task)
    else
      packet_pending(task)
    end
  end
  local kind = task.kind
  if kind == "device" then return run_device(message, task.data) end
  if kind == "handler" then return run_handler(message, task.data) end
  if kind == "idler" then return run_idler(message, task.data) end
  return run_worker(message, task.data)
end

local function schedule()
  current_task = task_list
  while current_task ~= nil do
    if is_task_holding_or_waiting(current_task) then
      current_task = current_task.link
    else
      current_task_identity = current_task.identity
      current_task = run_task(current_task)
    end
  end
end

local function start()
  task_list = nil
  current_task = nil
  current_task_identity = 0
  task_table = {nil, nil, nil, nil, nil, nil}
  queue_count = 0
  hold_count = 0
  running(create_task(IDLER, 0, nil, "idler", {control = 1, count = 10000}))
  local queue = make_packet(nil, WORKER, WORK_PACKET_KIND)
  queue = make_packet(queue, WORKER, WORK_PACKET_KIND)
  waiting_with_packet(create_task(WORKER, 1000, queue, "worker", {destination = HANDLER_A, count = 0}))
  queue = make_packet(nil, DEVICE_A, DEVICE_PACKET_KIND)
  queue = make_packet(queue, DEVICE_A, DEVICE_PACKET_KIND)
  queue = make_packet(queue, DEVICE_A, DEVICE_PACKET_KIND)
  waiting_with_packet(create_task(HANDLER_A, 2000, queue, "handler", {work_in = nil, device_in = nil}))
  queue = make_packet(nil, DEVICE_B, DEVICE_PACKET_KIND)
  queue = make_packet(queue, DEVICE_B, DEVICE_PACKET_KIND)
  queue = make_packet(queue, DEVICE_B, DEVICE_PACKET_KIND)
  waiting_with_packet(create_task(HANDLER_B, 3000, queue, "handler", {work_in = nil, device_in = nil}))
  waiting(create_task(DEVICE_A, 4000, nil, "device", {pending = nil}))
  waiting(create_task(DEVICE_B, 5000, nil, "device", {pending = nil}))
  schedule()
end

local queued = 0
local held = 0
for _ = 1, 10 do
  start()
  queued = queued + queue_count
  held = held + hold_count
end
print(queued .. " " .. held)
