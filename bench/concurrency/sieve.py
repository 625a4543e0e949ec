"""sieve: Go's concurrent prime sieve for the first 500 primes (a daisy
chain of 500 filter tasks). The generator stops at the 500th prime, 3571,
and closes its channel; each filter closes its own."""
import time
import trio

COUNT = 500
LIMIT = 3571


async def generate(send_channel):
    async with send_channel:
        for i in range(2, LIMIT + 1):
            await send_channel.send(i)


async def filter_multiples(receive_channel, send_channel, prime):
    async with receive_channel, send_channel:
        async for i in receive_channel:
            if i % prime != 0:
                await send_channel.send(i)


async def main():
    start = time.perf_counter()
    async with trio.open_nursery() as nursery:
        send_channel, ch = trio.open_memory_channel(0)
        nursery.start_soon(generate, send_channel)
        last = 0
        for _ in range(COUNT):
            last = await ch.receive()
            send_next, receive_next = trio.open_memory_channel(0)
            nursery.start_soon(filter_multiples, ch, send_next, last)
            ch = receive_next
    elapsed = time.perf_counter() - start
    print("sieve", last, elapsed)


trio.run(main)
