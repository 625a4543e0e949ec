;;; Every class of error, with its message and position. Chunks are
;;; separated by "---" lines; see errors_test.go.

(define (square-it x) (* x x))
(display (sqare-it 3))
;;; error: "runtime.scm:5:10: unbound variable: sqare-it \(did you mean square-it\?\)"
---
(define lst '(1 2 3))
(display zzzqqq)
;;; error: "runtime.scm:9:10: unbound variable: zzzqqq$"
---
(display "before")
(newline)
(car 5)
;;; error: "runtime.scm:14:1: car: expected pair, got 5$"
---
(display (cdr (car '())))
;;; error: "runtime.scm:17:15: car: expected pair, got \(\)"
---
(define (two a b) (list a b))
(two 1)
;;; error: "runtime.scm:21:1: two: expected 2 arguments, got 1"
---
(define three (lambda (a b c) a))
(display (three 1 2 3 4))
;;; error: "runtime.scm:25:10: three: expected 3 arguments, got 4"
---
(define (at-least-two a b . rest) a)
(at-least-two 1)
;;; error: "runtime.scm:29:1: at-least-two: expected at least 2 arguments, got 1"
---
(cons 1)
;;; error: "runtime.scm:32:1: cons: expected 2 arguments, got 1"
---
(let ((x 1))
  (car x 2))
;;; error: "runtime.scm:36:3: car: expected 1 argument, got 2"
---
(define (f) (/ 1 0))
(f)
;;; error: "runtime.scm:39:13: /: division by zero"
---
(quotient 7 0)
;;; error: "runtime.scm:43:1: quotient: division by zero"
---
(5 3)
;;; error: "runtime.scm:46:1: not a procedure: 5"
---
(define not-proc "str")
(+ 1 (not-proc))
;;; error: "runtime.scm:50:6: not a procedure: \"str\""
---
(vector-ref (vector 1 2) 5)
;;; error: "runtime.scm:53:1: vector-ref: index 5 out of range"
---
(string-ref "abc" 3)
;;; error: "runtime.scm:56:1: string-ref: index 3 out of range"
---
(+ 1 "2")
;;; error: "runtime.scm:59:1: \+: expected number, got \"2\""
---
(error "msg" 1 2)
;;; error: "runtime.scm:62:1: msg 1 2$"
---
(error "with strings:" "s" #\c 'sym '(1 "x"))
;;; error: "runtime.scm:65:1: with strings: \"s\" #\\c sym \(1 \"x\"\)$"
---
(raise 'sym)
;;; error: "runtime.scm:68:1: uncaught exception: sym$"
---
(raise (list 1 "two" 'three))
;;; error: "runtime.scm:71:1: uncaught exception: \(1 \"two\" three\)"
---
(raise-continuable 42)
;;; error: "runtime.scm:74:1: uncaught exception: 42"
---
(with-exception-handler
  (lambda (e) 'ignored)
  (lambda () (raise 'boom)))
;;; error: "runtime.scm:79:14: .*non-continuable.*boom"
---
(assert (= 1 2))
;;; error: "runtime.scm:82:1: assertion failed: \(= 1 2\)"
---
(display 1))
;;; error: "runtime.scm:85:12: unexpected '\)'"
---
(display "a\qb")
;;; error: "runtime.scm:88:12: bad escape"
---
;;; error: "runtime.scm:92:10: .*(unterminated|end of (file|input)|EOF)"
(display "unterminated
---
(display (+ 1 2)
;;; error: "runtime.scm:94:1: .*(unterminated|end of (file|input)|EOF|missing|expected)"
---
#<foo>
;;; error: "runtime.scm:97:1: "
---
(if)
;;; error: "runtime.scm:100:1: bad syntax.*if"
---
(define (f x)
  (if x 1 2 3))
;;; error: "runtime.scm:104:3: bad syntax.*if"
---
(let ((x)) )
;;; error: "runtime.scm:107:1: bad syntax.*let"
---
(let ((x 1) (x 2)) x)
;;; error: "runtime.scm:110:1: bad syntax.*duplicate.*x"
---
(lambda (x x) x)
;;; error: "runtime.scm:113:1: bad syntax.*duplicate.*x"
---
(define)
;;; error: "runtime.scm:116:1: bad syntax.*define"
---
(define (f)
  (if #t
      (define x 1))
  x)
;;; error: "runtime.scm:121:7: bad syntax.*define"
---
(set! undefined-variable-xyz 1)
;;; error: "runtime.scm:125:1: .*unbound variable:? undefined-variable-xyz"
---
(define (h x) (car x))
(define (g x) (+ 1 (h x)))
(define (f x) (+ 1 (g x)))
(display "start")
(display (f 5))
;;; error: "runtime.scm:128:15: car: expected pair, got 5$"
;;; error: "backtrace"
;;; error: "^  h at runtime.scm:128:15$"
;;; error: "^  g at runtime.scm:129:\d+$"
;;; error: "^  f at runtime.scm:130:\d+$"
;;; error: "^  <top level> at runtime.scm:132:10$"
---
;; A backtrace of a long recursion is shortened in the middle.
(define (ping n) (if (= n 0) (vector-ref (vector) 0) (+ 1 (pong (- n 1)))))
(define (pong n) (+ 1 (ping n)))
(display (ping 1000))
;;; error: "runtime.scm:141:30: vector-ref: index 0 out of range"
;;; error: "^  ping at runtime.scm:141:30$"
;;; error: "^  \.\.\. \d+ more frames \.\.\.$"
;;; error: "^  p[io]ng at runtime.scm:14[12]:\d+\n  <top level> at runtime.scm:143:10\n\z"
---
;; Errors raised inside library procedures written in Scheme point at
;; the call in the user's code.
(define (bad x) (car x))
(map bad '((1) 2))
;;; error: "runtime.scm:151:17: car: expected pair, got 2"
;;; error: "bad at runtime.scm:151:17"
---
;; A bare variable at top level has a position too.
zzzqqq
;;; error: "runtime.scm:157:1: unbound variable: zzzqqq"
