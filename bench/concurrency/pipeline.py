"""pipeline: 100,000 numbers through three stages over unbuffered
channels: generate 1..n, square, add one; main sums the results."""
import time
import trio

N = 100000


async def generate(send_channel):
    async with send_channel:
        for i in range(1, N + 1):
            await send_channel.send(i)


async def stage(receive_channel, send_channel, f):
    async with receive_channel, send_channel:
        async for x in receive_channel:
            await send_channel.send(f(x))


async def main():
    start = time.perf_counter()
    async with trio.open_nursery() as nursery:
        send_numbers, numbers = trio.open_memory_channel(0)
        send_squares, squares = trio.open_memory_channel(0)
        send_results, results = trio.open_memory_channel(0)
        nursery.start_soon(generate, send_numbers)
        nursery.start_soon(stage, numbers, send_squares, lambda x: x * x)
        nursery.start_soon(stage, squares, send_results, lambda x: x + 1)
        total = 0
        async for x in results:
            total += x
    elapsed = time.perf_counter() - start
    print("pipeline", total, elapsed)


trio.run(main)
