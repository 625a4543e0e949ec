;;; A nursery waits for its goroutines. If they are all blocked for good,
;;; goroutine 1 waiting for the nursery is deadlocked: status 2, and the
;;; list of goroutines, each with where it waits and where it was made.
;;; (The second worker starts after the first has been received from, so
;;; that what the program prints does not depend on preemption.)
(define ch (make-chan))
(define (worker id)
  (send ch id))
(nursery
  (go (worker 1))
  (display (recv ch))
  (newline)
  (go (worker 2)))
