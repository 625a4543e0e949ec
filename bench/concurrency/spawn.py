"""spawn: 100,000 tasks that each send one value; main receives and sums
them."""
import time
import trio

N = 100000


async def sender(send_channel, i):
    await send_channel.send(i)


async def main():
    send_channel, receive_channel = trio.open_memory_channel(0)
    start = time.perf_counter()
    async with trio.open_nursery() as nursery:
        for i in range(N):
            nursery.start_soon(sender, send_channel, i)
        total = 0
        for _ in range(N):
            total += await receive_channel.receive()
    elapsed = time.perf_counter() - start
    print("spawn", total, elapsed)


trio.run(main)
