"""Channel of channels: a producer sends three channels, each of which
then carries 0..4; main prints each channel's numbers followed by ---.

    python3 channel-of-channels.py
"""
import trio


async def producer(channels):
    async with channels:
        for c in range(3):
            send_channel, receive_channel = trio.open_memory_channel(0)
            await channels.send(receive_channel)
            async with send_channel:
                for i in range(5):
                    await send_channel.send(i)


async def main():
    send_channels, receive_channels = trio.open_memory_channel(0)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(producer, send_channels)
        async for ch in receive_channels:
            async for x in ch:
                print(x)
            print("---")


trio.run(main)
