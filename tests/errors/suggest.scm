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
;; x is bound by the let, but let's inits cannot see it: not "did you
;; mean *?" but what is wrong.
(let ((x 1) (y (+ x 1))) y)
;;; error: "suggest.scm:\d+:19: unbound variable: x \(the let around this binds x, but a let's inits cannot see its variables: use let\*\)$"
---
;; A one-letter name elsewhere gets no guess.
(define (f) (+ q 1))
(f)
;;; error: "unbound variable: q$"
---
(define (total xs) (apply + xs))
(totl '(1 2))
;;; error: "unbound variable: totl \(did you mean total\?\)$"
---
;; A define-macro body written without its backquote.
(define-macro (my-unless test body) (if ,test #f ,body))
(my-unless #f 1)
;;; error: "unbound variable: unquote \(a , or ,@ outside a quasiquote: a define-macro body that builds its expansion as a template needs a backquote, as in `\(if ,test ,then\)\)$"
---
(define-macro (my-list . xs) (list ,@xs))
(my-list 1 2)
;;; error: "unbound variable: unquote-splicing \(a , or ,@ outside a quasiquote"
---
;; Backtraces name loops made by macros after what the user wrote, not
;; after the expansion's temporaries (do-loop3, loop4).
(define (g n) (do ((i 0 (+ i 1))) ((= i n) (car i))))
(g 2)
;;; error: "car: expected pair, got 2"
;;; error: "^  do at suggest.scm:\d+:\d+$"
---
(define c (make-chan 3))
(send c 1)
(close-chan c)
(for-range (x c) (car x))
;;; error: "car: expected pair, got 1"
;;; error: "^  for-range at suggest.scm:\d+:\d+$"
---
;; The thunks guard and parameterize make are the user's procedure in
;; backtraces, not #<lambda>.
(define (f x) (guard (e ((string? e) 'no)) (car x)))
(define (g x) (parameterize ((current-output-port (current-output-port))) (+ 1 (f x))))
(g 5)
;;; error: "car: expected pair, got 5"
;;; error: "^  f at suggest.scm:\d+:44$"
;;; error: "^  f at suggest.scm:\d+:15"
;;; error: "^  g at suggest.scm:\d+:80$"
