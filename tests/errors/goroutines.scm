;;; Errors of goroutines: their reports show the user's frames and where
;;; the goroutine was created, never a frame of prelude.scm.

(define (f x) (car x))
(nursery (go (f 5)))
;;; error: "goroutines.scm:4:15: car: expected pair, got 5$"
;;; error: "^backtrace \(innermost first\):\n  f at goroutines.scm:4:15\n\z"
---
(define (g x) (vector-ref x 0))
(define (start) (go (g 'oops)))
(start)
(sleep 10)
;;; error: "goroutines.scm:9:15: vector-ref: expected vector, got oops$"
;;; error: "^in goroutine 2$"
;;; error: "^  g at goroutines.scm:9:15\ncreated by start at goroutines.scm:10:17\n\z"
---
;; A primitive given to nursery-start fails in the goroutine, where no
;; code of the user's runs: nursery-start raises the error again in its
;; caller, which is blamed.
(nursery-start car)
;;; error: "^goroutines.scm:\d+:1: car: expected pair, got #<procedure started>$"
