"""A pipeline cancelled with Trio: gen sends 1, 2, 3, ... for ever, sq
squares what it receives; main takes five squares and cancels. Trio has
no context: the stages run in a nursery, and cancelling the nursery's
cancel scope stops them at their next checkpoint (their send); the
nursery's end is where main knows they have stopped.

    python3 context-pipeline.py
"""
import trio


async def gen(out):
    async with out:
        i = 1
        while True:
            await out.send(i)
            i += 1


async def sq(receive, out):
    async with receive, out:
        async for n in receive:
            await out.send(n * n)


async def main():
    async with trio.open_nursery() as nursery:
        send_numbers, receive_numbers = trio.open_memory_channel(0)
        send_squares, receive_squares = trio.open_memory_channel(0)
        nursery.start_soon(gen, send_numbers)
        nursery.start_soon(sq, receive_numbers, send_squares)
        for _ in range(5):
            print(await receive_squares.receive())
        nursery.cancel_scope.cancel()  # Go's cancel()
    print("pipeline stopped: context canceled")


trio.run(main)
