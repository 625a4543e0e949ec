"""Go by Example: Rate Limiting, in Trio. Requests are served at most
one per tick of a ticker task; then a limiter with a buffer of three lets
a burst of three requests through at once before the pace sets in. The
times vary from run to run, so each request prints the coarse fact that
it was served no sooner than the limiter allows.

    python3 gbe-rate-limiting.py
"""
import trio

PERIOD = 0.02


async def ticker(period, send_channel):
    """Sends the time on send_channel every period seconds, waiting
    for room when the channel is full."""
    deadline = trio.current_time()
    while True:
        deadline += period
        await trio.sleep_until(deadline)
        await send_channel.send(trio.current_time())


def at_least(start, ms):
    # (Rounded, so that float arithmetic cannot make it look early.)
    elapsed = round((trio.current_time() - start) * 1000, 6)
    return "true" if elapsed >= ms else "false"


async def main():
    async with trio.open_nursery() as nursery:
        start = trio.current_time()
        send_requests, receive_requests = trio.open_memory_channel(5)
        for i in range(1, 6):
            send_requests.send_nowait(i)
        send_requests.close()

        send_limiter, receive_limiter = trio.open_memory_channel(0)
        nursery.start_soon(ticker, PERIOD, send_limiter)
        async for req in receive_requests:
            await receive_limiter.receive()
            print(f"request {req}, at least {req * 20}ms after the start:",
                  at_least(start, req * 20))
        nursery.cancel_scope.cancel()  # stops the ticker

    # The bursty limiter starts with three values in its buffer, and a
    # ticker task adds one per tick, as long as there is room.
    async with trio.open_nursery() as nursery:
        start = trio.current_time()
        send_bursty, receive_bursty = trio.open_memory_channel(3)
        for _ in range(3):
            send_bursty.send_nowait(trio.current_time())
        nursery.start_soon(ticker, PERIOD, send_bursty)

        send_requests, receive_requests = trio.open_memory_channel(5)
        for i in range(1, 6):
            send_requests.send_nowait(i)
        send_requests.close()
        async for req in receive_requests:
            await receive_bursty.receive()
            wait = max(req - 3, 0) * 20
            print(f"bursty request {req}, at least {wait}ms after the start:",
                  at_least(start, wait))
        nursery.cancel_scope.cancel()


trio.run(main)
