;; (environment import-set ...) holds only the bindings its import sets
;; provide, and they are immutable (R7RS 6.12): set! through it never
;; rebinds the program's variables.
(define (message thunk)
  (guard (x ((error-object? x) (error-object-message x))) (thunk)))

(define chars (environment '(scheme char)))
(display (eval '(char-upcase #\a) chars)) (newline)
(display (message (lambda () (eval 'car chars)))) (newline)
(display (message (lambda () (eval '(if #t 1 2) chars)))) (newline)
(display (message (lambda () (eval '(car '(1)) chars)))) (newline)
(display car) (newline)

(define base (environment '(scheme base)))
(display (eval '(let loop ((i 0) (acc '())) (if (= i 3) (reverse acc) (loop (+ i 1) (cons i acc)))) base)) (newline)
(display (message (lambda () (eval '(set! car 5) base)))) (newline)
(display (message (lambda () (eval '(char-upcase #\a) base)))) (newline)
(display (eval '(guard (e (#t (list 'caught e))) (raise 'x)) base)) (newline)
(display (eval '(cond ((assv 2 '((1 . a) (2 . b))) => cdr) (else 'no)) base)) (newline)
(display (eval ''(car char-upcase) chars)) (newline)
(display (car '(still the program's car))) (newline)

;; The interaction environment is the program's own.
(define x 5)
(display (eval '(+ x 1) (interaction-environment))) (newline)

;; A library's exports, renamed or not, and only part of another.
(define-library (env test)
  (export f)
  (import (scheme base))
  (begin (define (f x) (* x 10))))
(define mine (environment '(env test) '(only (scheme base) car)))
(display (eval '(f (car '(4))) mine)) (newline)
(display (message (lambda () (eval '(cdr '(1)) mine)))) (newline)
(display (eval '(g 4) (environment '(rename (env test) (f g))))) (newline)
(display (message (lambda () (eval '(f 4) (environment '(rename (env test) (f g))))))) (newline)
;; The environment did not import into the program.
(display (message (lambda () (eval 'f (interaction-environment))))) (newline)
