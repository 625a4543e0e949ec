"""Go by Example: Range over Channels, in Trio. async for receives until
the send end is closed: a closed channel still gives the values in its
buffer.

    python3 gbe-range-over-channels.py
"""
import trio


async def main():
    send_queue, receive_queue = trio.open_memory_channel(2)
    await send_queue.send("one")
    await send_queue.send("two")
    await send_queue.aclose()

    async for elem in receive_queue:
        print(elem)


trio.run(main)
