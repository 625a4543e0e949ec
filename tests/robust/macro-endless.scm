;;; A macro whose expansion never ends stops with an expansion-depth
;;; error (status 1), after the output printed so far.
(display "before")
(newline)
(define-syntax forever
  (syntax-rules ()
    ((_ x) (forever (x)))))
(forever 1)
