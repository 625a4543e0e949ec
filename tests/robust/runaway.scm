;;; A program that allocates without end stops with an out-of-memory
;;; error at the memory limit (100 MB here) instead of being killed, with
;;; status 3 and the output printed before kept.
(display "before")
(newline)
(let loop ((l '())) (loop (cons (make-vector 1000) l)))
