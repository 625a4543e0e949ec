"""Select with a timeout and with a default clause, in Trio: a timeout is
a cancel scope (move_on_after); a default is a non-blocking operation
that raises WouldBlock.

    python3 select-timeout.py
"""
import trio


async def send_later(send_channel, delay, value):
    await trio.sleep(delay)
    await send_channel.send(value)


async def main():
    async with trio.open_nursery() as nursery:
        # The result comes after 200 ms: the 50 ms timeout wins. (The
        # channel has room for the late result, so its sender never
        # blocks.)
        send1, receive1 = trio.open_memory_channel(1)
        nursery.start_soon(send_later, send1, 0.2, "result 1")
        with trio.move_on_after(0.05) as scope:
            print(await receive1.receive())
        if scope.cancelled_caught:
            print("timeout 1")

        # The result comes after 10 ms: it beats the 500 ms timeout.
        send2, receive2 = trio.open_memory_channel(1)
        nursery.start_soon(send_later, send2, 0.01, "result 2")
        with trio.move_on_after(0.5) as scope:
            print(await receive2.receive())
        if scope.cancelled_caught:
            print("timeout 2")

        # A default clause: nothing is ready, so it is taken at once.
        send_messages, receive_messages = trio.open_memory_channel(0)
        try:
            print("received", receive_messages.receive_nowait())
        except trio.WouldBlock:
            print("no message received")
        # A send with a default: nobody receives.
        try:
            send_messages.send_nowait("hi")
            print("sent message")
        except trio.WouldBlock:
            print("no message sent")


trio.run(main)
