"""pingpong: round trips over two unbuffered channels. Prints the
workload's result and its time in seconds."""
import time
import trio

N = 100000


async def ponger(receive_ping, send_pong):
    for _ in range(N):
        await send_pong.send(await receive_ping.receive())


async def main():
    send_ping, receive_ping = trio.open_memory_channel(0)
    send_pong, receive_pong = trio.open_memory_channel(0)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(ponger, receive_ping, send_pong)
        start = time.perf_counter()
        last = 0
        for i in range(N):
            await send_ping.send(i)
            last = await receive_pong.receive()
        elapsed = time.perf_counter() - start
    print("pingpong", last + 1, elapsed)


trio.run(main)
