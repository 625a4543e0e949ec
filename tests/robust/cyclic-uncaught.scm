;;; An uncaught "not a proper list" error ends the program with status 1,
;;; positioned at the call, after the output printed so far.
(define c (list 1 2))
(set-cdr! (cdr c) c)
(display "before")
(newline)
(define (find-five l) (memq 5 l))
(display (find-five c))
