;;; A malformed select clause is a syntax error, reported at the select
;;; form when it is compiled: nothing of this form runs.
(display "before\n")
(define ch (make-chan 1))
(select ((recv ch v) v)
        ((frob ch) 1))
(display "not reached\n")
