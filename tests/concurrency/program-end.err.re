sched: drop 2 sleep( at \S+)? \(\d+\.\d{3} ms\)
sched: drop 3 runnable( at \S+)? \(\d+\.\d{3} ms\)
sched: drop 4 chan receive( at \S+)? \(\d+\.\d{3} ms\)
