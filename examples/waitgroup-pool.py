"""A worker pool with Trio: three workers take jobs from a memory channel
and send their results on another. Trio has no WaitGroup: each worker
holds a clone of the results channel's send end, and the channel closes
when the last worker closes its clone, which ends main's loop.

    python3 waitgroup-pool.py
"""
import trio


async def worker(id, jobs, results):
    async with jobs, results:
        async for j in jobs:
            await trio.sleep(0.001)
            await results.send(f"job {j} squared is {j * j}")


async def main():
    send_jobs, receive_jobs = trio.open_memory_channel(100)
    send_results, receive_results = trio.open_memory_channel(100)
    async with trio.open_nursery() as nursery:
        async with receive_jobs, send_results:
            for w in range(1, 4):
                nursery.start_soon(worker, w, receive_jobs.clone(), send_results.clone())
        async with send_jobs:
            for j in range(1, 10):
                await send_jobs.send(j)
        # The workers finish in an order that depends on scheduling: sort.
        lines = [r async for r in receive_results]
    for line in sorted(lines):
        print(line)
    print(len(lines), "results; all workers done")


trio.run(main)
