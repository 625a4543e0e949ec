;;; Errors of syntax-rules macros (report 4.3): reported at compile time,
;;; at the macro use.

;; 4.3.3: the report's simple-let signals its syntax-error.
(define-syntax simple-let
  (syntax-rules ()
    ((_ (head ... ((x . y) val) . tail)
        body1 body2 ...)
     (syntax-error
      "expected an identifier but got"
      (x . y)))
    ((_ ((name val) ...) body1 body2 ...)
     ((lambda (name ...) body1 body2 ...)
      val ...))))
(display "not reached")
(simple-let ((a 1) ((b . c) 2)) a)
;;; error: "syntax-rules.scm:16:1: expected an identifier but got \(b \. c\)$"
---
(define-syntax two (syntax-rules () ((_ a b) (list a b))))
(two 1)
;;; error: "syntax-rules.scm:20:1: bad syntax: no rule of two matches \(two 1\)"
---
;; A use that does not match, inside a procedure.
(define-syntax two (syntax-rules () ((_ a b) (list a b))))
(define (f) (two 1 2 3))
;;; error: "syntax-rules.scm:25:13: bad syntax: no rule of two matches \(two 1 2 3\)"
---
(define-syntax m (syntax-rules () ((_ a ...) (f a))))
;;; error: "syntax-rules.scm:28:18: bad syntax: m: bad template: pattern variable a"
---
(define-syntax m (syntax-rules () ((_ a a) 1)))
;;; error: "syntax-rules.scm:31:18: bad syntax: m: bad pattern: pattern variable a appears twice"
---
(define-syntax m (syntax-rules () ((_ (a ...) (b ...)) '((a b) ...))))
(m (1 2) (3))
;;; error: "syntax-rules.scm:35:1: bad syntax: pattern variables repeated by one ellipsis matched different numbers"
---
(define-syntax m (syntax-rules () ((_) 1)))
(display m)
;;; error: "syntax-rules.scm:39:10: bad syntax: m is a macro, not a variable"
---
(let-syntax ((m (syntax-rules () ((_) 1))))
  (set! m 2))
;;; error: "syntax-rules.scm:43:3: bad syntax: set! of macro m"
---
(define-syntax m 5)
;;; error: "syntax-rules.scm:46:1: bad syntax: the transformer of m must be a syntax-rules form"
---
(display (syntax-rules () ((_) 1)))
;;; error: "syntax-rules.scm:49:10: bad syntax: syntax-rules is only allowed"
---
(display (let () (define-syntax m (syntax-rules () ((_) 1))) (if #f #f)))
(display (+ 1 (define-syntax m (syntax-rules () ((_) 1)))))
;;; error: "syntax-rules.scm:53:15: bad syntax: define-syntax is only allowed"
---
;; Keywords are lexically scoped: outside let-syntax, m is unbound.
(let-syntax ((m (syntax-rules () ((_) 1))))
  (m))
(m)
;;; error: "syntax-rules.scm:59:1: unbound variable: m"
---
;; The macro's hidden definition is not visible to the user.
(define-syntax def-secret
  (syntax-rules ()
    ((_ get) (begin (define secret 42) (define (get) secret)))))
(def-secret get-secret)
(display (get-secret))
secret
;;; error: "syntax-rules.scm:68:1: unbound variable: secret$"
