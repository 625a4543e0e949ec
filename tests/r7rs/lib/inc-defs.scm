;;; Included by 5.scm; includes inc-nested.scm relative to this directory.
(define inc-a 1)
(define (inc-f x) (+ x inc-a))
(include "inc-nested.scm")
