"""Go's concurrent prime sieve with Trio: a daisy chain of filter tasks,
one per prime found, each passing on the numbers its prime does not
divide. It prints the first 25 primes. The generator stops at 100 and
closes its channel, and each filter closes its own when its input closes,
so every task ends by itself.

    python3 prime-sieve.py
"""
import trio


async def generate(send_channel):
    async with send_channel:
        for i in range(2, 101):
            await send_channel.send(i)


async def filter_multiples(receive_channel, send_channel, prime):
    async with receive_channel, send_channel:
        async for i in receive_channel:
            if i % prime != 0:
                await send_channel.send(i)


async def main():
    async with trio.open_nursery() as nursery:
        send_channel, ch = trio.open_memory_channel(0)
        nursery.start_soon(generate, send_channel)
        for _ in range(25):
            prime = await ch.receive()
            print(prime)
            send_next, receive_next = trio.open_memory_channel(0)
            nursery.start_soon(filter_multiples, ch, send_next, prime)
            ch = receive_next


trio.run(main)
