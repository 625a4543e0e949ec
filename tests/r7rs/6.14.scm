;;; Report section 6.14: system interface. The program ends by calling
;;; exit inside a dynamic-wind (6.14.status holds the exit status).
;;; Expected output (.out) is written from the report, not from contigo.
(define (p x) (write x) (newline))
(define (fails? thunk)
  (call-with-current-continuation
    (lambda (k)
      (with-exception-handler (lambda (e) (k #t)) (lambda () (thunk) #f)))))

;; load reads the file relative to the current directory and evaluates
;; its forms in order in the interaction environment.
(load "lib/load-me.scm")
(p loaded-value)
(load "lib/load-me.scm" (interaction-environment))
(p (guard (e ((file-error? e) 'file-error)) (load "lib/no-such-file.scm")))
(p (guard (e ((read-error? e) 'read-error)) (load "lib/load-bad.scm")))
(p (fails? (lambda () (load 'not-a-string))))
;; The forms run in the continuation of the call to load.
(define load-k #f)
(p (call-with-current-continuation
     (lambda (k)
       (set! load-k k)
       (load "lib/load-escape.scm")
       'normal)))
(p before-escape)
(p (guard (e (#t 'unbound)) after-escape))

;; command-line: the program's name, then its arguments (none here).
(p (command-line))

(p (string? (get-environment-variable "PATH")))
(p (get-environment-variable "CONTIGO_SURELY_UNSET_VARIABLE"))
(p (let ((all (get-environment-variables)))
     (and (list? all)
          (let ((path (assoc "PATH" all)))
            (and path (equal? (cdr path) (get-environment-variable "PATH"))))
          (let loop ((l all))
            (or (null? l)
                (and (string? (caar l)) (string? (cdar l)) (loop (cdr l))))))))

(p (inexact? (current-second)))
(p (> (current-second) 1.5e9))
(p (exact-integer? (current-jiffy)))
(p (exact-integer? (jiffies-per-second)))
(p (positive? (jiffies-per-second)))
(p (let* ((a (current-jiffy)) (b (current-jiffy))) (<= a b)))

(p (list? (features)))
(p (and (memq 'r7rs (features)) #t))
(p (and (memq 'contigo (features)) #t))
(p (and (memq 'exact-closed (features)) #t))
(p (and (memq 'ratios (features)) #t))
(p (and (memq 'exact-complex (features)) #t))
(p (let loop ((fs (features))) (or (null? fs) (and (symbol? (car fs)) (loop (cdr fs))))))

;; exit runs the outstanding dynamic-wind after thunks, innermost first.
(dynamic-wind
  (lambda () #f)
  (lambda ()
    (dynamic-wind
      (lambda () #f)
      (lambda () (display "exiting") (newline) (exit 3))
      (lambda () (display "inner after") (newline))))
  (lambda () (display "outer after") (newline)))
(display "not reached")
(newline)
