;;; SRFI 6 basic string ports, and the string port procedures most Schemes offer.
;;; Expected output (.out) is written from the report, not from contigo.
(define (p x) (write x) (newline))
(define (err thunk)
  (call-with-current-continuation
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k (if (error-object? e) (error-object-message e) (list 'raised e))))
        thunk))))

;; SRFI 6 string ports
(define ip (open-input-string "(a . b) c"))
(p (read ip))
(p (read ip))
(p (eof-object? (read ip)))
(p (let ((q (open-output-string))) (write 'abc q) (display " " q) (write "d" q) (get-output-string q)))
;; the string port procedures most Schemes have
(p (with-output-to-string (lambda () (display "hi") (write 'there))))
(p (call-with-output-string (lambda (port) (write "q" port))))
(p (with-input-from-string "42 rest" read))
(p (with-input-from-string "line one\nline two" (lambda () (read-line) (read-line))))
(begin (with-output-to-string (lambda () (display "hidden"))) (display "visible") (newline))
