;;; Primitives that allocate by a size the program gives check it against
;;; the memory limit (100 MB here, see alloc-sizes.flags) before Go
;;; allocates, and raise a catchable out-of-memory error.

(define (try label thunk)
  (display label)
  (display ": ")
  (guard (e ((error-object? e) (display (error-object-message e)) (newline)))
    (thunk)
    (display "no error")
    (newline)))

(try "vector" (lambda () (make-vector 10000000000 0)))
(try "string" (lambda () (make-string (exact 1e10))))
(try "list" (lambda () (make-list (expt 10 15) 0)))
(try "bytevector" (lambda () (make-bytevector (expt 10 15))))
(try "iota" (lambda () (iota (expt 10 15))))
(try "bignum size" (lambda () (make-vector (expt 10 30))))
(define s (make-string 5000000 #\a))
(try "string-append" (lambda () (string-append s s s s s s)))
(define v (make-vector 1500000 0))
(try "vector-append" (lambda () (vector-append v v v v v)))
(define b (make-bytevector 20000000 0))
(try "bytevector-append" (lambda () (bytevector-append b b b b b b)))
(try "read-string" (lambda () (read-string (expt 10 12) (open-input-string "abc"))))
(try "read-bytevector" (lambda () (read-bytevector (expt 10 12) (open-input-bytevector (bytevector 1 2)))))
;; Sizes within the limit still work, and so do bad sizes' old errors.
(try "small" (lambda () (vector-length (make-vector 1000 0))))
(try "negative" (lambda () (make-vector -1)))
(try "expt" (lambda () (expt 10 (expt 10 15))))
