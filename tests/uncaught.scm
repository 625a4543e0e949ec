;;; An uncaught error ends the program with status 1, after the output
;;; printed so far, with the message, its position and a backtrace.

(define (show . xs) (for-each display xs) (newline))

(define (check-positive n)
  (if (> n 0)
      n
      (error "not positive:" n)))

(define (sum-checked lst)
  (if (null? lst)
      0
      (+ (check-positive (car lst)) (sum-checked (cdr lst)))))

(define (report lst) (list 'sum (sum-checked lst)))

(show (report '(1 2 3)))
(show "before the error")
(show (report '(-2 3)))
(show "not reached")
