;;; Report section 6.12: environments and evaluation.
;;; Expected output (.out) is written from the report, not from contigo.
(define (p x) (write x) (newline))
(define (fails? thunk)
  (call-with-current-continuation
    (lambda (k)
      (with-exception-handler (lambda (e) (k #t)) (lambda () (thunk) #f)))))

(p (eval '(* 7 3) (environment '(scheme base))))
(p (let ((f (eval '(lambda (f x) (f x x)) (null-environment 5))))
     (f + 10)))
;; The environments environment makes are immutable.
(p (fails? (lambda () (eval '(define foo 32) (environment '(scheme base))))))
(p (fails? (lambda () (eval '(begin (define foo 32)) (environment '(scheme base))))))
(p (eval '(+ 1 2) (scheme-report-environment 5)))
(p (eval ''a (interaction-environment)))
(p (eval '(let-values (((a b) (values 1 2))) (+ a b)) (environment '(scheme base))))
;; Import sets.
(p (eval '(c:caddr '(1 2 3)) (environment '(prefix (scheme cxr) c:))))
(p (eval '(kadr '(1 2)) (environment '(rename (scheme base) (cadr kadr)))))
(p (eval '(char-upcase #\a) (environment '(only (scheme char) char-upcase))))
(p (eval '(+ 1 2) (environment '(scheme base) '(scheme write) '(scheme char))))
(p (eval 42 (environment)))
;; The interaction environment is mutable.
(eval '(define ev-x 10) (interaction-environment))
(p ev-x)
(p (eval '(begin (define ev-y 1) (+ ev-y 1)) (interaction-environment)))
(eval '(define-record-type ev-point (make-ev-point x) ev-point? (x ev-point-x))
      (interaction-environment))
(p (ev-point-x (make-ev-point 5)))
(eval '(define-values (ev-a ev-b) (values 1 2)) (interaction-environment))
(p (list ev-a ev-b))
;; eval without an environment, and eval of self-evaluating data.
(p (eval '(list 1 2)))
(p (eval "string" (interaction-environment)))
(p (eval #(1 2) (interaction-environment)))
;; eval runs in the current continuation.
(define (jump k) (eval (list k 42) (interaction-environment)))
(p (call-with-current-continuation (lambda (k) (jump k) 'not-reached)))
(p (+ 1 (eval '(call-with-current-continuation (lambda (k) (k 41))) (interaction-environment))))
(call-with-values (lambda () (eval '(values 1 2) (interaction-environment)))
  (lambda (a b) (p (list a b))))
;; Errors.
(p (fails? (lambda () (eval '(car '()) (interaction-environment)))))
(p (fails? (lambda () (eval '(if) (interaction-environment)))))
(p (fails? (lambda () (eval '(+ 1 2) 'not-an-environment))))
(p (fails? (lambda () (scheme-report-environment 4))))
(p (fails? (lambda () (null-environment 'five))))
(p (fails? (lambda () (environment '(no such library)))))
(p (fails? (lambda () (environment '(only (scheme base) no-such-name)))))
(p (guard (e ((error-object? e) (error-object-message e)))
     (eval 'ev-unbound-variable (interaction-environment))))
