# Are We Fast Yet's Richards: an operating system's scheduler with six
# tasks (an idler, a worker, two handlers, two devices) passing packets.
# Tasks, packets and their data are maps; a task's kind picks what it runs
# (where the original has a closure per task); the scheduler's state is
# top-level.
IDLER = 0
WORKER = 1
HANDLER_A = 2
HANDLER_B = 3
DEVICE_A = 4
DEVICE_B = 5
DEVICE_PACKET_KIND = 0
WORK_PACKET_KIND = 1
DATA_SIZE = 4

task_list = None
current_task = None
current_task_identity = 0
task_table = [None, None, None, None, None, None]
queue_count = 0
hold_count = 0

def bxor(a, b):
    result = 0
    bit = 1
    while a > 0 or b > 0:
        if a % 2 != b % 2:
            result = result + bit
        a = a // 2
        b = b // 2
        bit = bit * 2
    return result

def append_packet(packet, queue_head):
    packet["link"] = None
    if queue_head is None:
        return packet
    mouse = queue_head
    link = mouse["link"]
    while link is not None:
        mouse = link
        link = mouse["link"]
    mouse["link"] = packet
    return queue_head

def make_packet(link, identity, kind):
    return {"link": link, "identity": identity, "kind": kind, "datum": 0, "data": [0, 0, 0, 0]}

def packet_pending(task):
    task["packet_pending"] = True
    task["task_waiting"] = False
    task["task_holding"] = False

def running(task):
    task["packet_pending"] = False
    task["task_waiting"] = False
    task["task_holding"] = False

def waiting(task):
    task["packet_pending"] = False
    task["task_waiting"] = True
    task["task_holding"] = False

def waiting_with_packet(task):
    task["packet_pending"] = True
    task["task_waiting"] = True
    task["task_holding"] = False

def is_task_holding_or_waiting(task):
    return task["task_holding"] or (not task["packet_pending"] and task["task_waiting"])

def is_waiting_with_packet(task):
    return task["packet_pending"] and task["task_waiting"] and not task["task_holding"]

def create_task(identity, priority, work, kind, data):
    global task_list
    task = {"link": task_list, "identity": identity, "priority": priority, "input": work,
            "packet_pending": False, "task_waiting": False, "task_holding": False,
            "kind": kind, "data": data}
    task_list = task
    task_table[identity] = task
    return task

def add_input_and_check_priority(task, packet, old_task):
    if task["input"] is None:
        task["input"] = packet
        task["packet_pending"] = True
        if task["priority"] > old_task["priority"]:
            return task
    else:
        task["input"] = append_packet(packet, task["input"])
    return old_task

def find_task(identity):
    return task_table[identity]

def hold_self():
    global hold_count
    hold_count = hold_count + 1
    current_task["task_holding"] = True
    return current_task["link"]

def wait():
    current_task["task_waiting"] = True
    return current_task

def queue_packet(packet):
    global queue_count
    task = find_task(packet["identity"])
    if task is None:
        return None
    queue_count = queue_count + 1
    packet["link"] = None
    packet["identity"] = current_task_identity
    return add_input_and_check_priority(task, packet, current_task)

def release(identity):
    task = find_task(identity)
    if task is None:
        return None
    task["task_holding"] = False
    if task["priority"] > current_task["priority"]:
        return task
    return current_task

def run_device(packet, data):
    if packet is None:
        packet = data["pending"]
        if packet is None:
            return wait()
        data["pending"] = None
        return queue_packet(packet)
    data["pending"] = packet
    return hold_self()

def run_handler(packet, data):
    if packet is not None:
        if packet["kind"] == WORK_PACKET_KIND:
            data["work_in"] = append_packet(packet, data["work_in"])
        else:
            data["device_in"] = append_packet(packet, data["device_in"])
    work_packet = data["work_in"]
    if work_packet is None:
        return wait()
    count = work_packet["datum"]
    if count >= DATA_SIZE:
        data["work_in"] = work_packet["link"]
        return queue_packet(work_packet)
    device_packet = data["device_in"]
    if device_packet is None:
        return wait()
    data["device_in"] = device_packet["link"]
    device_packet["datum"] = work_packet["data"][count]
    work_packet["datum"] = count + 1
    return queue_packet(device_packet)

def run_idler(packet, data):
    data["count"] = data["count"] - 1
    if data["count"] == 0:
        return hold_self()
    if data["control"] % 2 == 0:
        data["control"] = data["control"] // 2
        return release(DEVICE_A)
    data["control"] = bxor((data["control"] - 1) // 2, 53256)
    return release(DEVICE_B)

def run_worker(packet, data):
    if packet is None:
        return wait()
    if data["destination"] == HANDLER_A:
        data["destination"] = HANDLER_B
    else:
        data["destination"] = HANDLER_A
    packet["identity"] = data["destination"]
    packet["datum"] = 0
    for i in range(DATA_SIZE):
        data["count"] = data["count"] + 1
        if data["count"] > 26:
            data["count"] = 1
        packet["data"][i] = 65 + data["count"] - 1
    return queue_packet(packet)

def run_task(task):
    message = None
    if is_waiting_with_packet(task):
        message = task["input"]
        task["input"] = message["link"]
        if task["input"] is None:
            running(task)
        else:
            packet_pending(task)
    kind = task["kind"]
    if kind == "device":
        return run_device(message, task["data"])
    if kind == "handler":
        return run_handler(message, task["data"])
    if kind == "idler":
        return run_idler(message, task["data"])
    return run_worker(message, task["data"])

def schedule():
    global current_task, current_task_identity
    current_task = task_list
    while current_task is not None:
        if is_task_holding_or_waiting(current_task):
            current_task = current_task["link"]
        else:
            current_task_identity = current_task["identity"]
            current_task = run_task(current_task)

def start():
    global task_list, current_task, current_task_identity, task_table, queue_count, hold_count
    task_list = None
    current_task = None
    current_task_identity = 0
    task_table = [None, None, None, None, None, None]
    queue_count = 0
    hold_count = 0
    running(create_task(IDLER, 0, None, "idler", {"control": 1, "count": 10000}))
    queue = make_packet(None, WORKER, WORK_PACKET_KIND)
    queue = make_packet(queue, WORKER, WORK_PACKET_KIND)
    waiting_with_packet(create_task(WORKER, 1000, queue, "worker", {"destination": HANDLER_A, "count": 0}))
    queue = make_packet(None, DEVICE_A, DEVICE_PACKET_KIND)
    queue = make_packet(queue, DEVICE_A, DEVICE_PACKET_KIND)
    queue = make_packet(queue, DEVICE_A, DEVICE_PACKET_KIND)
    waiting_with_packet(create_task(HANDLER_A, 2000, queue, "handler", {"work_in": None, "device_in": None}))
    queue = make_packet(None, DEVICE_B, DEVICE_PACKET_KIND)
    queue = make_packet(queue, DEVICE_B, DEVICE_PACKET_KIND)
    queue = make_packet(queue, DEVICE_B, DEVICE_PACKET_KIND)
    waiting_with_packet(create_task(HANDLER_B, 3000, queue, "handler", {"work_in": None, "device_in": None}))
    waiting(create_task(DEVICE_A, 4000, None, "device", {"pending": None}))
    waiting(create_task(DEVICE_B, 5000, None, "device", {"pending": None}))
    schedule()

queued = 0
held = 0
for _ in range(10):
    start()
    queued = queued + queue_count
    held = held + hold_count
print(f"{queued} {held}")
