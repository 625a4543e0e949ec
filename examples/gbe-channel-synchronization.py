"""Go by Example: Channel Synchronization, in Trio. main waits for a
task's work by receiving from a channel the task sends on when it is
done. (The nursery would wait for the task anyway, at the end of its
block; the receive is what orders the work before whatever main would do
next inside it.)

    python3 gbe-channel-synchronization.py
"""
import trio


async def worker(done):
    print("working...", end="")
    await trio.sleep(0.02)
    print("done")

    await done.send(True)


async def main():
    send_done, receive_done = trio.open_memory_channel(1)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(worker, send_done)

        await receive_done.receive()


trio.run(main)
