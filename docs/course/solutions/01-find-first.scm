;;; Exercise 1.1: the first leaf of a tree that satisfies a predicate.
;;;
;;; The walk is an ordinary recursion; the escape continuation `return`
;;; leaves it, and all the calls pending above, at the first match.

(define visited 0) ; leaves looked at, to show where the walk stopped

(define (find-first pred tree)
  (call/cc
    (lambda (return)
      (let walk ((t tree))
        (cond ((null? t) 'nothing-here)
              ((pair? t) (walk (car t)) (walk (cdr t)))
              (else
               (set! visited (+ visited 1))
               (if (pred t) (return t)))))
      #f)))

(define tree '((1 3) (5 (8 7)) 9 (10)))

(define (show label result)
  (display label)
  (write result)
  (display ", after ")
  (display visited)
  (display " leaves")
  (newline)
  (set! visited 0))

(show "first even: " (find-first even? tree))
(show "first above 8: " (find-first (lambda (x) (> x 8)) tree))
(show "first negative: " (find-first negative? tree))
