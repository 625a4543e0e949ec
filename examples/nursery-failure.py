"""A failing child cancels its sibling: the nursery cancels the other
tasks (their finally blocks run), waits for them, and raises the error
(inside an ExceptionGroup).

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
    # A nursery raises its children's errors as an ExceptionGroup: strict
    # exception groups, the default since Trio 0.25, asked for explicitly
    # so that older Trio (0.22 on) behaves the same. except* picks the
    # RuntimeErrors out of the group (Python 3.11).
    try:
        async with trio.open_nursery(strict_exception_groups=True) as nursery:
            nursery.start_soon(sibling)
            nursery.start_soon(child)
    except* RuntimeError as group:
        for e in group.exceptions:
            print("nursery failed:", e)
    print("done")


trio.run(main)
