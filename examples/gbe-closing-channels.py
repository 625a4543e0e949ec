"""Go by Example: Closing Channels, in Trio. main sends three jobs to a
worker and closes its end of the channel: once the worker has received
every job, its receive raises trio.EndOfChannel. The worker's lines and
main's would interleave in an order that depends on scheduling, so the
worker hands the jobs it received back to main, which prints them.

    python3 gbe-closing-channels.py
"""
import trio


async def worker(jobs, done):
    received = []
    while True:
        try:
            j = await jobs.receive()
        except trio.EndOfChannel:
            await done.send(received)
            return
        received.append(j)


async def main():
    send_jobs, receive_jobs = trio.open_memory_channel(5)
    send_done, receive_done = trio.open_memory_channel(0)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(worker, receive_jobs, send_done)

        for j in range(1, 4):
            await send_jobs.send(j)
            print("sent job", j)
        await send_jobs.aclose()
        print("sent all jobs")

        for j in await receive_done.receive():
            print("worker received job", j)
        print("worker received all jobs")

    # A receive on a closed and empty channel fails at once.
    try:
        receive_jobs.receive_nowait()
        more = True
    except trio.EndOfChannel:
        more = False
    print("received more jobs:", "true" if more else "false")


trio.run(main)
