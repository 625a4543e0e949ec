"""Worker pool: three workers take jobs from one channel and send their
results over another; main collects the results and prints them in sorted
order (the order they arrive in depends on scheduling).

    python3 worker-pool.py
"""
import trio

NUM_JOBS = 9


async def worker(worker_id, jobs, results):
    async for j in jobs:
        await results.send((j, j * j, worker_id))


async def main():
    send_jobs, receive_jobs = trio.open_memory_channel(NUM_JOBS)
    send_results, receive_results = trio.open_memory_channel(NUM_JOBS)
    async with trio.open_nursery() as nursery:
        for w in range(1, 4):
            nursery.start_soon(worker, w, receive_jobs, send_results)
        for j in range(1, NUM_JOBS + 1):
            await send_jobs.send(j)
        await send_jobs.aclose()
        squares = []
        for _ in range(NUM_JOBS):
            job, square, worker_id = await receive_results.receive()
            squares.append(square)
    for s in sorted(squares):
        print(s)


trio.run(main)
