;;; fib: doubly recursive Fibonacci, (fib 30).
;;; Measures procedure call/return and small-integer arithmetic.
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(display (fib 30))
(newline)
