"""channel_producer returns a channel of channels: a task sends three
channels on it, each made by number_producer, which starts a task of its
own to fill it with 0..4. main prints each channel's numbers followed by
---.

Both functions start tasks that outlive them, so both must be given a
nursery to start them in: in Trio only a nursery, an async with block in
some caller, can hold a task, and the nursery the caller passes in is
what waits for these tasks and receives their errors. Go and contigo
need no such parameter.

    python3 channel-producer.py
"""
import trio


def number_producer(nursery, n):
    send_channel, receive_channel = trio.open_memory_channel(0)

    async def feed():
        async with send_channel:
            for i in range(n):
                await send_channel.send(i)

    nursery.start_soon(feed)
    return receive_channel


def channel_producer(nursery):
    send_channel, receive_channel = trio.open_memory_channel(0)

    async def feed():
        async with send_channel:
            for c in range(3):
                await send_channel.send(number_producer(nursery, 5))

    nursery.start_soon(feed)
    return receive_channel


async def main():
    async with trio.open_nursery() as nursery:
        async for ch in channel_producer(nursery):
            async for x in ch:
                print(x)
            print("---")


trio.run(main)
