;;; An error the library raises for a call in tail position of a
;;; top-level form (no frame of the program's is pending) is blamed on
;;; that form: it used to come without any position.
(define c (make-chan))
(close-chan c)
(display "before\n")
(send c 1)
(display "not reached\n")
