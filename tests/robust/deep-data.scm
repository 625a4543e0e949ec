;;; Data nested millions of levels deep can be printed, compared and
;;; quoted: the printer and equal? do not recurse on the Go stack. Code
;;; nested too deeply to compile gets a clear error instead of a crash.

(define (nest n wrap)
  (let loop ((i 0) (x '()))
    (if (= i n) x (loop (+ i 1) (wrap x)))))
(define (printed-length how x)
  (string-length (call-with-output-string (lambda (p) (how x p)))))
(define (show . xs) (for-each display xs) (newline))

(define a (nest 300000 list))
(define b (nest 300000 list))
(show "equal?: " (equal? a b))
(show "not equal?: " (equal? a (nest 299999 list)))
(show "write: " (printed-length write a))
(show "display: " (printed-length display a))
(show "write-shared: " (printed-length write-shared a))
(show "write-simple: " (printed-length write-simple a))
(show "start: " (substring (call-with-output-string (lambda (p) (write a p))) 0 8))
(define v (nest 200000 vector))
(show "vector: " (printed-length write v))
(define q (nest 200000 (lambda (x) (list 'quote x))))
(show "quotes: " (printed-length write q))
(show "pp: " (< 200000 (string-length (call-with-output-string (lambda (p) (pp (nest 200000 list) p))))))

;; Code: a 300,000-deep expression given to eval (tests/deep_test.go
;; has the 5,000,000-deep cases).
(define deep-code (nest 300000 (lambda (x) (list '+ 1 x))))
(show (guard (e ((error-object? e) (error-object-message e)))
        (eval deep-code (interaction-environment))))
;; A deep quasiquote template.
(show (guard (e ((error-object? e) (error-object-message e)))
        (equal? a (eval (list 'quasiquote a) (interaction-environment)))))
;; Nesting well within the limit still compiles and runs.
(show (eval (let loop ((i 0) (x 0)) (if (= i 10000) x (loop (+ i 1) (list '+ 1 x))))
            (interaction-environment)))

;;; slow: data and code nested 200,000 to 300,000 deep (value/ and eval/ test deep nesting in-process)
