"""Producer/consumer: a task sends 0..4 over an unbuffered channel and
closes it; main iterates over the channel.

    python3 producer-consumer.py
"""
import trio


async def producer(send_channel):
    async with send_channel:  # closes it on the way out
        for i in range(5):
            await send_channel.send(i)


async def main():
    send_channel, receive_channel = trio.open_memory_channel(0)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(producer, send_channel)
        async for x in receive_channel:
            print("received", x)
    print("done")


trio.run(main)
