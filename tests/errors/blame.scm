;;; Errors raised inside the library written in Scheme (eval/core.scm,
;;; eval/srfi.scm, prelude/prelude.scm) are blamed on the user's call: the
;;; position and every backtrace line are in the program, whether the
;;; library was called in tail position or not. See eval/blame.go.

(call-with-input-file "/" read-line)
;;; error: "\Ablame.scm:6:1: read-line: read /: is a directory$"
;;; error: "^  <top level> at blame.scm:6:1$"
---
(define ht (make-hash-table))
(display (list 1 (hash-table-ref ht 'missing)))
;;; error: "\Ablame.scm:11:18: hash-table-ref: key not found missing$"
---
(define ch (make-chan))
(close-chan ch)
(define (f) (send ch 1))
(f)
;;; error: "\Ablame.scm:16:13: send: send on closed channel$"
;;; error: "^  f at blame.scm:16:13$"
---
(define (g l) (fold + 0 l))
(define (h) (g '(1 x)))
(display (h))
;;; error: "\Ablame.scm:21:15: \+: expected number, got x$"
;;; error: "^  g at blame.scm:21:15$"
;;; error: "^  <top level> at blame.scm:23:\d+$"
