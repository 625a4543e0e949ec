"""Go by Example: Worker Pools, in Trio. Three worker tasks take five
jobs from one channel and send results over another. Each job takes
20 ms, and the workers run concurrently, so the five take two rounds:
about 40 ms, not 100. Which worker takes which job, and the order the
results come in, depend on scheduling: main prints the results sorted by
job.

    python3 gbe-worker-pools.py
"""
import trio

NUM_JOBS = 5


async def worker(worker_id, jobs, results):
    async for j in jobs:
        await trio.sleep(0.02)
        await results.send((j, j * 2, worker_id))


async def main():
    start = trio.current_time()
    send_jobs, receive_jobs = trio.open_memory_channel(NUM_JOBS)
    send_results, receive_results = trio.open_memory_channel(NUM_JOBS)
    async with trio.open_nursery() as nursery:
        for w in range(1, 4):
            nursery.start_soon(worker, w, receive_jobs, send_results)

        for j in range(1, NUM_JOBS + 1):
            await send_jobs.send(j)
        await send_jobs.aclose()

        got = [await receive_results.receive() for _ in range(NUM_JOBS)]
    for job, value, _ in sorted(got):
        print("job", job, "result", value)
    # (Rounded, so that float arithmetic cannot make it look early.)
    elapsed = round((trio.current_time() - start) * 1000, 6)
    print("took at least two rounds (40ms):", "true" if elapsed >= 40 else "false")


trio.run(main)
