sched: drop 2 sleep at program-end\.scm:13:1 \(\d+\.\d{3} ms\)
sched: drop 3 runnable at program-end\.scm:13:1 \(\d+\.\d{3} ms\)
sched: drop 4 chan receive at program-end\.scm:13:1 \(\d+\.\d{3} ms\)
