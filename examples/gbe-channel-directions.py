"""Go by Example: Channel Directions, in Trio. A Trio memory channel is
created as two objects, a send end and a receive end, so directions come
with the channel: ping gets only a MemorySendChannel (it has no receive
method), pong a receive end and a send end.

    python3 gbe-channel-directions.py
"""
import trio


async def ping(pings: trio.MemorySendChannel, msg):
    await pings.send(msg)


async def pong(pings: trio.MemoryReceiveChannel, pongs: trio.MemorySendChannel):
    msg = await pings.receive()
    await pongs.send(msg)


async def main():
    send_pings, receive_pings = trio.open_memory_channel(1)
    send_pongs, receive_pongs = trio.open_memory_channel(1)
    await ping(send_pings, "passed message")
    await pong(receive_pings, send_pongs)
    print(await receive_pongs.receive())


trio.run(main)
