"""blocked: 100,000 tasks blocked on one channel (for run.sh's memory
measure: peak RSS, less that of idle.py, per task)."""
import trio

N = 100000


async def waiter(receive_channel):
    await receive_channel.receive()


async def main():
    send_channel, receive_channel = trio.open_memory_channel(0)
    async with trio.open_nursery() as nursery:
        for _ in range(N):
            nursery.start_soon(waiter, receive_channel)
        await trio.testing.wait_all_tasks_blocked()
        print("blocked", len(nursery.child_tasks))
        nursery.cancel_scope.cancel()


import trio.testing  # noqa: E402

trio.run(main)
