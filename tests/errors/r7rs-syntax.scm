;;; Errors of the R7RS definitions, binding forms, libraries and system
;;; interface: define-record-type, define-values, let-values, case-lambda,
;;; cond-expand, import, include, load and eval.

(define-record-type point (make-point x) point? (x point-x))
(point-x (vector 1 2))
;;; error: "r7rs-syntax.scm:6:1: point-x: expected record of type point, got #\(1 2\)$"
---
(define-record-type point (make-point x z) point? (x point-x))
;;; error: "r7rs-syntax.scm:9:1: in expansion of define-record-type: bad syntax: constructor make-point: z is not a field of point$"
---
(define-record-type point (make-point x) point? (x point-x) (x point-x2))
;;; error: "r7rs-syntax.scm:12:1: in expansion of define-record-type: bad syntax: duplicate field x$"
---
(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(make-point 1)
;;; error: "r7rs-syntax.scm:16:1: make-point: expected 2 arguments, got 1$"
---
(define-values (a b) (values 1 2 3))
;;; error: "r7rs-syntax.scm:19:1: define-values: expected 2 arguments, got 3$"
---
(define-values (a 1) (values 1 2))
;;; error: "r7rs-syntax.scm:22:1: in expansion of define-values: bad syntax: cannot define 1$"
---
(define (f)
  (let-values (((a b) (values 1))) a))
(f)
;;; error: "r7rs-syntax.scm:26:3: let-values: expected 2 values, got 1$"
;;; error: "^  f at r7rs-syntax.scm:26:3$"
---
(let-values (((a a) (values 1 2))) a)
;;; error: "r7rs-syntax.scm:31:1: bad syntax: duplicate binding of a$"
---
(receive (a b) (values 1) a)
;;; error: "r7rs-syntax.scm:34:1: receive: expected 2 values, got 1$"
---
(define f (case-lambda ((a) a) ((a b c) c)))
(f 1 2)
;;; error: "r7rs-syntax.scm:38:1: case-lambda: no clause accepts 2 arguments$"
---
(case-lambda (x))
;;; error: "r7rs-syntax.scm:41:1: bad syntax: case-lambda clause needs a body"
---
(cond-expand ((library) 1))
;;; error: "r7rs-syntax.scm:44:1: in expansion of cond-expand: bad syntax: bad feature requirement \(library\)$"
---
(cond-expand (else 1) (r7rs 2))
;;; error: "r7rs-syntax.scm:47:1: in expansion of cond-expand: bad syntax: else clause must be last in cond-expand$"
---
(import (scheme base) (no such library))
;;; error: "r7rs-syntax.scm:50:1: library \(no such library\) not found \(searched .*\)$"
---
(import (scheme no-such-library))
;;; error: "r7rs-syntax.scm:53:1: library \(scheme no-such-library\) not found"
---
(import (only (scheme base) car no-such-name))
;;; error: "r7rs-syntax.scm:56:1: only: no-such-name is not exported by \(scheme base\)$"
---
(import ("not a library name"))
;;; error: "r7rs-syntax.scm:59:1: bad library name \(\"not a library name\"\)$"
---
(define (f) (import (scheme base)))
;;; error: "r7rs-syntax.scm:62:13: bad syntax: import is only allowed at top level$"
---
(define-library (broken) (export x) (import (scheme base)) (frobnicate))
(import (broken))
;;; error: "r7rs-syntax.scm:66:1: define-library \(broken\): unknown declaration \(frobnicate\)$"
---
(define-library (broken) (export f) (import (scheme base))
  (begin (define (f) (car '()))))
(import (broken))
(f)
;;; error: "r7rs-syntax.scm:70:22: car: expected pair, got \(\)$"
;;; error: "^  f at r7rs-syntax.scm:70:22$"
---
(include "no-such-file.scm")
;;; error: "r7rs-syntax.scm:76:1: include: open .*no-such-file.scm: no such file or directory$"
---
(load "no-such-file.scm")
;;; error: "r7rs-syntax.scm:79:1: load: cannot open file \"no-such-file.scm\"$"
---
(eval '(+ 1 2) 'not-an-environment)
;;; error: "r7rs-syntax.scm:82:1: eval: expected environment, got not-an-environment$"
---
(eval '(define x 1) (environment '(scheme base)))
;;; error: "r7rs-syntax.scm:85:1: eval: cannot define in the immutable environment #<environment \(scheme base\)>$"
---
(scheme-report-environment 7)
;;; error: "r7rs-syntax.scm:88:1: scheme-report-environment: expected version 5, got 7$"
