"""idle: the baseline for blocked.py."""
import trio
import trio.testing  # noqa: F401  (blocked.py imports it too)


async def main():
    print("blocked", 0)


trio.run(main)
