"""The concurrent prime sieve of go.dev with Trio: a daisy chain of filter
tasks, one per prime found. generate never stops and the filters never
end. Trio's nursery would wait for them for ever, so when main has its
primes it cancels the nursery, which is how a Trio program says what Go's
return from main does.

    python3 go-sieve.py
"""
import trio


async def generate(send):
    """Send the sequence 2, 3, 4, ... to channel send."""
    i = 2
    while True:
        await send.send(i)
        i += 1


async def filter_multiples(receive, send, prime):
    """Copy the values from receive to send, removing those divisible by prime."""
    while True:
        i = await receive.receive()
        if i % prime != 0:
            await send.send(i)


async def main():
    async with trio.open_nursery() as nursery:
        send, receive = trio.open_memory_channel(0)
        nursery.start_soon(generate, send)
        for _ in range(10):
            prime = await receive.receive()
            print(prime)
            send1, receive1 = trio.open_memory_channel(0)
            nursery.start_soon(filter_multiples, receive, send1, prime)
            receive = receive1
        nursery.cancel_scope.cancel()


trio.run(main)
