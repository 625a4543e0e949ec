"""Go by Example: Stateful Goroutines, in Trio. Instead of guarding
shared state with a lock, one task owns it, and the others send it
requests over channels: a read carries the key and a channel for the
answer; a write the key, the value and a channel for the
acknowledgement. Twenty readers read ten times each, five writers write
ten times each, each its own key; then main reads the final state the
same way.

Trio has no select, so the owner takes both kinds of request from one
channel, tagged with their kind. The operation counters are plain
variables: tasks switch only where they await (see
gbe-atomic-counters.py).

    python3 gbe-stateful-goroutines.py
"""
import trio

read_ops = 0
write_ops = 0


async def owner(requests):
    state = {}
    async for request in requests:
        if request[0] == "read":
            _, key, resp = request
            await resp.send(state.get(key, 0))
        else:
            _, key, val, resp = request
            state[key] = val
            await resp.send(True)


async def reader(r, requests):
    global read_ops
    for i in range(10):
        send_resp, receive_resp = trio.open_memory_channel(0)
        await requests.send(("read", (r + i) % 5, send_resp))
        await receive_resp.receive()
        read_ops += 1
        await trio.sleep(0.001)


async def writer(w, requests):
    global write_ops
    for i in range(10):
        send_resp, receive_resp = trio.open_memory_channel(0)
        await requests.send(("write", w, w * 100 + i, send_resp))
        await receive_resp.receive()
        write_ops += 1
        await trio.sleep(0.001)


async def main():
    send_requests, receive_requests = trio.open_memory_channel(0)
    async with trio.open_nursery() as outer:
        outer.start_soon(owner, receive_requests)

        async with trio.open_nursery() as nursery:
            for r in range(20):
                nursery.start_soon(reader, r, send_requests)
            for w in range(5):
                nursery.start_soon(writer, w, send_requests)

        print("readOps:", read_ops)
        print("writeOps:", write_ops)
        for key in range(5):
            send_resp, receive_resp = trio.open_memory_channel(0)
            await send_requests.send(("read", key, send_resp))
            print(f"key {key}: {await receive_resp.receive()}")
        await send_requests.aclose()


trio.run(main)
