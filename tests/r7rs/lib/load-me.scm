;;; Loaded by 6.14.scm.
(define loaded-value 'loaded)
(display "loading load-me.scm")
(newline)
