;;; An uncaught out-of-memory error from a too-big allocation ends the
;;; program with status 3, positioned at the call, after the output so far.
(display "before")
(newline)
(define (grow n) (make-vector n 0))
(grow (expt 10 12))
(display "not reached")
