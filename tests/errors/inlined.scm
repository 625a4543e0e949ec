;;; Errors in the body of a small procedure that the evaluator calls
;;; without a step of its own (eval/leafcall.go): reported as an ordinary
;;; call's are, with the caller's frame when the call was an operand and
;;; none when it was a tail call.

(define (first x) (car x))
(define (g x) (list 1 (first x)))
(define (h x) (first x))
(define (k x) (+ 1 (h x)))
(display (g '(5)))
(g 5)
;;; error: "inlined.scm:6:19: car: expected pair, got 5$"
;;; error: "^backtrace \(innermost first\):\n  first at inlined.scm:6:19\n  g at inlined.scm:7:23\n\z"
---
(define (first x) (car x))
(define (h x) (first x))
(define (k x) (+ 1 (h x)))
(k 5)
;;; error: "inlined.scm:15:19: car: expected pair, got 5$"
;;; error: "^backtrace \(innermost first\):\n  first at inlined.scm:15:19\n  \(tail calls\)\n  k at inlined.scm:17:20\n\z"
---
(define (first x) (car x))
(define (walk l) (if (null? l) (first l) (walk (cdr l))))
(display (list (walk '(1 2 3))))
;;; error: "inlined.scm:22:19: car: expected pair, got \(\)$"
;;; error: "^backtrace \(innermost first\):\n  first at inlined.scm:22:19\n  \(tail calls\)\n  <top level> at inlined.scm:24:16\n"
---
(define (first x) (car x))
(define (go-first x) (go (display (first x))))
(go-first 'nope)
(sleep 10)
;;; error: "inlined.scm:28:19: car: expected pair, got nope$"
;;; error: "^backtrace \(innermost first\):\n  first at inlined.scm:28:19\n  #<lambda> at inlined.scm:29:35\ncreated by go-first at inlined.scm:29:22\n\z"
