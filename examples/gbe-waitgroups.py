"""Go by Example: WaitGroups, in Trio. Trio has no wait group: a nursery
does its work, and more. Its block ends only once every task started in
it has ended (and if one of them failed, it would cancel the others and
raise the error: see nursery-failure.py). The workers' lines would
interleave in an order that depends on scheduling, so each worker writes
its lines in its own slot, and main prints the slots once all are done.

    python3 gbe-waitgroups.py
"""
import trio


async def worker(worker_id):
    lines = [f"Worker {worker_id} starting"]
    await trio.sleep(0.02)
    return lines + [f"Worker {worker_id} done"]


async def main():
    lines = [None] * 5

    async def run(i):
        lines[i - 1] = await worker(i)

    async with trio.open_nursery() as nursery:
        for i in range(1, 6):
            nursery.start_soon(run, i)

    for slot in lines:
        for line in slot:
            print(line)
    print("all workers done")


trio.run(main)
