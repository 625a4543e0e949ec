"""Go by Example: Timeouts, in Trio. A timeout is a cancel scope:
move_on_after cancels the receive in it when time is up, and tells
whether it did. The first result comes after 100 ms, too late for its
20 ms timeout; the second after 20 ms, within its 200 ms. The result
channels have a buffer, so that a result nobody waits for any more does
not block its task (the nursery waits for every task).

    python3 gbe-timeouts.py
"""
import trio


async def send_later(delay, send_channel, value):
    await trio.sleep(delay)
    await send_channel.send(value)


async def main():
    async with trio.open_nursery() as nursery:
        send1, receive1 = trio.open_memory_channel(1)
        nursery.start_soon(send_later, 0.1, send1, "result 1")

        with trio.move_on_after(0.02) as timeout:
            print(await receive1.receive())
        if timeout.cancelled_caught:
            print("timeout 1")

        send2, receive2 = trio.open_memory_channel(1)
        nursery.start_soon(send_later, 0.02, send2, "result 2")
        with trio.move_on_after(0.2) as timeout:
            print(await receive2.receive())
        if timeout.cancelled_caught:
            print("timeout 2")


trio.run(main)
