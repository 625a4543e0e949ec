"""A failing child cancels its sibling: the nursery cancels the other
tasks (their finally blocks run), waits for them, and raises the error.

    python3 nursery-failure.py
"""
import trio


async def sibling():
    print("sibling: started")
    try:
        await trio.sleep(1)
        print("sibling: finished")
    finally:
        print("sibling: cleaned up")


async def child():
    await trio.sleep(0.01)
    print("child: failing")
    raise RuntimeError("child failed")


async def main():
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(sibling)
            nursery.start_soon(child)
    except RuntimeError as e:
        print("nursery failed:", e)
    print("done")


trio.run(main)
