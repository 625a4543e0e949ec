"""producer makes a channel, starts a task that feeds it 0..4 and closes
it, and returns the channel; main iterates over what it returns.

In Trio a task can only be started in a nursery, and a nursery is an
async with block: it cannot outlive the function that opens it. So a
function that returns a channel fed by a task cannot open its own
nursery (the block would wait for the task before returning, and the
task would wait for a reader that never comes). The caller passes its
nursery in, and the signature says so.

    python3 producer.py
"""
import trio


def producer(nursery):
    send_channel, receive_channel = trio.open_memory_channel(0)

    async def feed():
        async with send_channel:
            for i in range(5):
                await send_channel.send(i)

    nursery.start_soon(feed)
    return receive_channel


async def main():
    async with trio.open_nursery() as nursery:
        async for x in producer(nursery):
            print(x)


trio.run(main)
