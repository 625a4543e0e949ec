"""Go by Example: Non-Blocking Channel Operations, in Trio. The _nowait
methods of memory channels never block: they raise trio.WouldBlock
instead. Nobody receives from messages, so sending on it fails; a channel
with room in its buffer takes a value, and then gives it back. (Go's
select with several clauses and a default becomes one attempt after the
other.)

    python3 gbe-non-blocking-channel-operations.py
"""
import trio


async def main():
    send_messages, receive_messages = trio.open_memory_channel(0)
    send_signals, receive_signals = trio.open_memory_channel(0)

    try:
        print("received message", receive_messages.receive_nowait())
    except trio.WouldBlock:
        print("no message received")

    msg = "hi"
    try:
        send_messages.send_nowait(msg)
        print("sent message", msg)
    except trio.WouldBlock:
        print("no message sent")

    try:
        print("received message", receive_messages.receive_nowait())
    except trio.WouldBlock:
        try:
            print("received signal", receive_signals.receive_nowait())
        except trio.WouldBlock:
            print("no activity")

    # A buffer with room: the send and then the receive succeed at once.
    send_queue, receive_queue = trio.open_memory_channel(1)
    try:
        send_queue.send_nowait(msg)
        print("queued message", msg)
    except trio.WouldBlock:
        print("no message queued")
    try:
        print("dequeued message", receive_queue.receive_nowait())
    except trio.WouldBlock:
        print("no message dequeued")


trio.run(main)
