"""Go by Example: Tickers, in Trio. Trio has no ticker object: a ticker
is a task that sleeps until each deadline in turn (trio.sleep_until) and
sends the time on a channel; stopping it cancels the task's cancel scope.
The times themselves vary from run to run, so each tick prints the coarse
fact that it came no sooner than it should.

    python3 gbe-tickers.py
"""
import trio

PERIOD = 0.02


class Ticker:
    """Its receive end gets the time every period seconds until stop."""

    def __init__(self, nursery, period):
        self._send, self.receive = trio.open_memory_channel(0)
        self._scope = trio.CancelScope()
        nursery.start_soon(self._run, period)

    async def _run(self, period):
        with self._scope:
            deadline = trio.current_time()
            while True:
                deadline += period
                await trio.sleep_until(deadline)
                await self._send.send(trio.current_time())
                # A receiver too slow for a tick misses it, as in Go.
                while deadline + period <= trio.current_time():
                    deadline += period

    def stop(self):
        self._scope.cancel()


async def main():
    async with trio.open_nursery() as nursery:
        start = trio.current_time()
        ticker = Ticker(nursery, PERIOD)
        for n in range(1, 4):
            await ticker.receive.receive()
            # (The milliseconds are rounded, so that the float arithmetic
            # of the deadlines cannot make a tick look early.)
            elapsed = round((trio.current_time() - start) * 1000, 6)
            print(f"tick {n}, at least {n * 20}ms after the start:",
                  "true" if elapsed >= n * 20 else "false")
        ticker.stop()
        print("Ticker stopped")

        with trio.move_on_after(3 * PERIOD) as timeout:
            await ticker.receive.receive()
            print("a tick after Stop")
        if timeout.cancelled_caught:
            print("no tick after Stop")


trio.run(main)
