;;; (show-continuation k) lists what k will do with the value it is
;;; resumed with, innermost frame first, each with where it is.
(define saved #f)
(define (f x)
  (+ 1 (call/cc (lambda (k) (set! saved k) x))))
(define (g) (* 2 (f 10)))
(display (g))
(newline)
(show-continuation saved)
;; Resumed with 5, it does just that: (+ 1 5), then (* 2 6), displayed.
(define once #f)
(if (not once)
    (begin (set! once #t)
           (call/cc (lambda (k) (set! saved k)))
           (show-continuation saved)))
(show-continuation 'no)
