;; fib.scm: used by the examples and tests of package scheme.
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(define (check-positive n)
  (if (< n 0)
      (error "negative:" n)
      n))

(fib 10)
