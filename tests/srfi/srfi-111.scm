;;; SRFI 111: boxes.
;;; Expected output (.out) is written from the report, not from contigo.
(define (p x) (write x) (newline))
(define (err thunk)
  (call-with-current-continuation
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k (if (error-object? e) (error-object-message e) (list 'raised e))))
        thunk))))

(define b (box 1))
(p (box? b))
(p (box? 1))
(p (unbox b))
(set-box! b 2)
(p (unbox b))
(p (eq? (unbox (box b)) b))
(p (let ((x (box 1))) (eqv? x x)))
(p (err (lambda () (unbox 5))))
(p (err (lambda () (set-box! '(1) 5))))
