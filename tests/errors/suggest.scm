;;; "Did you mean" suggestions of unbound-variable errors (issue 13).
(lenght '(1 2))
;;; error: "suggest.scm:2:1: unbound variable: lenght \(did you mean length\?\)$"
---
(define c (make-channel))
;;; error: "unbound variable: make-channel \(did you mean make-chan\?\)$"
---
(define c (make-chan 1))
(close c)
;;; error: "unbound variable: close \(did you mean close-chan\?\)$"
---
(define c (make-chan 1))
(<- c 1)
;;; error: "unbound variable: <- \(did you mean \(send ch v\) or \(recv ch\)\?\)$"
---
(define c (make-chan 1))
(send c 1)
(recieve c)
;;; error: "unbound variable: recieve \(did you mean recv\?\)$"
---
;; x is bound by the let, but let's inits cannot see it: no "did you
;; mean *".
(let ((x 1) (y (+ x 1))) y)
;;; error: "unbound variable: x$"
---
(define (total xs) (apply + xs))
(totl '(1 2))
;;; error: "unbound variable: totl \(did you mean total\?\)$"
