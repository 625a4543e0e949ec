"""Go by Example: Atomic Counters, in Trio. Fifty tasks increment one
counter a thousand times each, letting the others run after each
increment.

Trio has no atomic operations, and needs none: its tasks take turns on
one thread, and a task is switched out only where it awaits. Between two
awaits, ops += 1 is indivisible. (An update that awaits between reading
ops and setting it would not be: that needs a trio.Lock, as in
gbe-mutexes.py.)

    python3 gbe-atomic-counters.py
"""
import trio

ops = 0


async def increment():
    global ops
    for _ in range(1000):
        ops += 1
        await trio.sleep(0)


async def main():
    async with trio.open_nursery() as nursery:
        for _ in range(50):
            nursery.start_soon(increment)

    print("ops:", ops)


trio.run(main)
