"""Go by Example: Timers, in Trio. Trio has no timer objects: waiting
for a delay is trio.sleep, and a timer that can be stopped is a task
sleeping in a cancel scope, which stop cancels. Timer 2 is stopped before
it fires, so the task waiting for it never prints. As in the contigo
version, stop closes the timer's channel: the nursery waits for every
task, and a task left waiting for a stopped timer would wait for good.

    python3 gbe-timers.py
"""
import trio


class Timer:
    """Its receive end gets the time once, delay seconds from now,
    unless stop comes first."""

    def __init__(self, nursery, delay):
        self._send, self.receive = trio.open_memory_channel(1)
        self._fired = False
        self._scope = trio.CancelScope()
        nursery.start_soon(self._run, delay)

    async def _run(self, delay):
        with self._scope:
            await trio.sleep(delay)
            self._fired = True
            self._send.send_nowait(trio.current_time())

    def stop(self):
        """Reports whether it stopped the timer: False if the timer had
        fired or been stopped already."""
        if self._fired or self._scope.cancel_called:
            return False
        self._scope.cancel()
        self._send.close()
        return True


async def wait_for(timer, name):
    try:
        await timer.receive.receive()
    except trio.EndOfChannel:
        return
    print(name, "fired")


async def main():
    async with trio.open_nursery() as nursery:
        timer1 = Timer(nursery, 0.02)
        await timer1.receive.receive()
        print("Timer 1 fired")

        timer2 = Timer(nursery, 0.05)
        nursery.start_soon(wait_for, timer2, "Timer 2")
        stop2 = timer2.stop()
        if stop2:
            print("Timer 2 stopped")

        # Give timer 2 the time to fire, if it were going to.
        await trio.sleep(0.1)

        # Stopping a timer that has fired (or was stopped) does nothing.
        print("Timer 1 stopped after it fired:", "true" if timer1.stop() else "false")


trio.run(main)
