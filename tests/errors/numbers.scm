;;; Errors from the numeric tower: non-real arguments where R7RS asks for
;;; a real, and number syntax that is not a number. Each names the
;;; procedure and the argument, at the position of the call.
---
(define z (make-rectangular 1 2))
(display (< z 3))
;;; error: "numbers.scm:6:10: <: expected real number, got 1\+2i$"
---
(define (f x) (floor x))
(display (f (sqrt -2)))
;;; error: "numbers.scm:9:15: floor: expected real number, got \+1\.4142135623730951i$"
;;; error: "^  f at numbers.scm:9:15$"
;;; error: "^  <top level> at numbers.scm:10:10$"
---
(display (max 1 2 +i))
;;; error: "numbers.scm:15:10: max: expected real number, got \+i$"
---
(display (exact 1.0+inf.0i))
;;; error: "numbers.scm:18:10: exact: no exact representation of \+inf\.0$"
---
(display (/ 1+i 0))
;;; error: "numbers.scm:21:10: /: division by zero$"
---
(display '#e1.0+inf.0i)
;;; error: "numbers.scm:24:11: bad number syntax #e1\.0\+inf\.0i$"
---
(display (expt 0 -1+i))
;;; error: "numbers.scm:27:10: expt: 0 to the power -1\+i is undefined$"
---
(display (+ 1+i "2"))
;;; error: "numbers.scm:30:10: \+: expected number, got \"2\"$"

