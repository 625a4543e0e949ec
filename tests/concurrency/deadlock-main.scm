;;; Deadlock: every goroutine is blocked and no timer is pending. The
;;; blocked main goroutine gets the error; uncaught, it ends the program
;;; with a Go-style list of the goroutines and what each waits for, and
;;; exit status 2. What was printed before is not lost.

(display "before the deadlock\n")
(define requests (make-chan))
(define replies (make-chan))
(define (server)
  (let ((r (recv requests)))
    (send replies r)))
(go (server))
(go (send (make-chan) 'nobody-listens))
(define (ask)
  (let ((answer (recv replies)))   ; nobody sent a request: deadlock
    answer))
(display (ask))
(display "not reached\n")
