;;; fib.scm: a first contigo program.
;;; Run it with: go run . examples/fib.scm

(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(define (show . things)
  (for-each display things)
  (newline))

(show "(fib 25) = " (fib 25))

;; Exact integers grow past 64 bits on their own.
(show "(fib 100) with an iterative loop = "
      (let loop ((a 0) (b 1) (i 0))
        (if (= i 100) a (loop b (+ a b) (+ i 1)))))

;; call/cc: escape from a search as soon as the answer is found.
(define (find-first pred lst)
  (call-with-current-continuation
    (lambda (return)
      (for-each (lambda (x) (if (pred x) (return x))) lst)
      #f)))
(show "first even: " (find-first even? '(1 3 5 6 7 8)))
