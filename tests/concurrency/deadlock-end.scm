;;; At the end of a program, goroutine 1 waits for the goroutines still
;;; running (the root nursery). If they are all blocked for good, that is
;;; a deadlock too: status 2, and the list of goroutines. Goroutine 1 is
;;; shown waiting for the nursery, with nothing of the program pending.

(define ch (make-chan))
(define (worker id)
  (send ch id)
  (display "worker ")
  (display id)
  (display " sent\n"))
(go (worker 1))
(go (worker 2))
(display (recv ch))
(newline)
