;;; A product of more than 2^28 bits fails at once, as expt does, instead
;;; of a multiplication that takes minutes and gigabytes.
(define a (expt 2 200000000))
(display (guard (e ((error-object? e) (error-object-message e))) (* a a)))
(newline)
(display (= (* (expt 2 100000000) (expt 2 100000000)) (expt 2 200000000)))
(newline)
