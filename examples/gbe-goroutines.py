"""Go by Example: Goroutines, in Trio. A function called directly runs to
the end before main goes on; started in a nursery, it runs concurrently as
a task. The lines of the two tasks would come out in an order that depends
on scheduling, so here they are sent to main, which prints them sorted.

    python3 gbe-goroutines.py
"""
import trio


async def f(source, say):
    """Says three lines, through say."""
    for i in range(3):
        await say(f"{source} : {i}")


async def print_line(line):
    print(line)


async def main():
    await f("direct", print_line)

    send_lines, receive_lines = trio.open_memory_channel(0)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(f, "goroutine", send_lines.send)
        nursery.start_soon(send_lines.send, "going")

        # Four lines will come, in some order.
        got = [await receive_lines.receive() for _ in range(4)]
    for line in sorted(got):
        print(line)
    print("done")


trio.run(main)
