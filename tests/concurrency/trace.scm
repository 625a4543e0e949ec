;;; (trace-scheduler #t) prints every scheduling event on the error port,
;;; one per line: spawn, block (on what), wake, switch, preempt, cancel
;;; and exit, each with the position in this file where it happened (a
;;; spawned goroutine's at its first form) and the time since the trace
;;; began.

(define c (make-chan))
(trace-scheduler #t)
(go (send c 'ping))
(recv c)
(guard (e (#t #f))
  (nursery
    (go (sleep 100000))
    (go (raise 'boom))))
(trace-scheduler #f)
(go 'untraced)
(display "done\n")
