"""Go by Example: Mutexes, in Trio. Three tasks increment named counters
in a dict, two of them the same counter. An increment reads the counter,
lets other tasks run (trio.sleep(0), standing for any work awaited in
between), and writes it back: without the trio.Lock, two tasks could
read the same value and one increment would be lost.

    python3 gbe-mutexes.py
"""
import trio


class Container:
    def __init__(self):
        self.lock = trio.Lock()
        self.counters = {"a": 0, "b": 0}

    async def inc(self, name):
        async with self.lock:
            n = self.counters[name]
            await trio.sleep(0)
            self.counters[name] = n + 1


async def main():
    c = Container()

    async def do_increment(name, n):
        for _ in range(n):
            await c.inc(name)

    async with trio.open_nursery() as nursery:
        nursery.start_soon(do_increment, "a", 1000)
        nursery.start_soon(do_increment, "a", 1000)
        nursery.start_soon(do_increment, "b", 1000)

    for name in sorted(c.counters):
        print(name, c.counters[name])


trio.run(main)
