;;; A nursery waits for its goroutines. If they are all blocked for good,
;;; goroutine 1 waiting for the nursery is deadlocked: status 2, and the
;;; list of goroutines, each with where it waits and where it was made.

(define ch (make-chan))
(define (worker id)
  (send ch id)
  (display "worker ")
  (display id)
  (display " sent\n"))
(nursery
  (go (worker 1))
  (go (worker 2))
  (display (recv ch))
  (newline))
