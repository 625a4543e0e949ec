"""Go by Example: Channels, in Trio. A task sends a value into an
unbuffered memory channel; main receives it. Send and receive block until
both sides are ready, so main waits for the message without anything
else. (A Trio channel comes as two objects, its sending and its receiving
end; a task needs a nursery.)

    python3 gbe-channels.py
"""
import trio


async def main():
    send_messages, receive_messages = trio.open_memory_channel(0)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(send_messages.send, "ping")

        msg = await receive_messages.receive()
        print(msg)


trio.run(main)
