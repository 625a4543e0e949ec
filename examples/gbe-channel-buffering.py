"""Go by Example: Channel Buffering, in Trio. A memory channel with a
buffer of two accepts two values without a receiver waiting for them.
Its statistics give Go's len and cap.

    python3 gbe-channel-buffering.py
"""
import trio


def len_cap(channel):
    stats = channel.statistics()
    return f"len {stats.current_buffer_used} cap {stats.max_buffer_size}"


async def main():
    send_messages, receive_messages = trio.open_memory_channel(2)

    await send_messages.send("buffered")
    await send_messages.send("channel")
    print(len_cap(send_messages))

    print(await receive_messages.receive())
    print(await receive_messages.receive())
    print(len_cap(send_messages))


trio.run(main)
