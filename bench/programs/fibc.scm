;;; fibc: Fibonacci with Peano-style addition where every recursive result
;;; is delivered through call-with-current-continuation (Gabriel/Larceny fibc).
;;; Measures continuation capture in non-tail position plus tail loops.
(define (succ n) (+ n 1))
(define (pred n) (- n 1))

(define (addc x y k)
  (if (zero? y)
      (k x)
      (addc (succ x) (pred y) k)))

(define (fibc x c)
  (if (zero? x)
      (c 0)
      (if (zero? (pred x))
          (c 1)
          (addc (call-with-current-continuation
                 (lambda (c) (fibc (pred x) c)))
                (call-with-current-continuation
                 (lambda (c) (fibc (pred (pred x)) c)))
                c))))

(define (run n)
  (let loop ((i 0) (result #f))
    (if (= i n)
        result
        (loop (+ i 1) (fibc 18 (lambda (n) n))))))

(display (run 50))
(newline)
