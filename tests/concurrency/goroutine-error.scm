;;; An uncaught error in a goroutine of the root nursery ends the program
;;; at once, as a panic does in Go: the message, the goroutine's id and
;;; its backtrace, and exit status 1. Main does not go on.

(display "before\n")
(define (parse x) (car x))
(define (handle x) (list (parse x)))
(go (display "child starts\n")
    (handle 42))
(sleep 50)
(display "not reached\n")
