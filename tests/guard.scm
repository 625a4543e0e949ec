;;; guard, raise, raise-continuable and with-exception-handler (report
;;; 4.2.7, 6.11), and the errors the primitives raise.

(define (show . xs) (for-each display xs) (newline))
(define (show-w x) (write x) (newline))

;; The full text of an error object: its message followed by its written
;; irritants, as the top level prints it.
(define (error-text e)
  (let ((out (open-output-string)))
    (display (error-object-message e) out)
    (for-each (lambda (x) (display " " out) (write x out))
              (error-object-irritants e))
    (get-output-string out)))

;; (try thunk) runs thunk and describes what it raised.
(define (try thunk)
  (guard (e ((error-object? e) (list 'error (error-text e)))
            (else (list 'raised e)))
    (thunk)
    'no-error))

;;;; Errors from primitives, one of each class

(show-w (try (lambda () zzzqqq)))
(show-w (try (lambda () (car 5))))
(show-w (try (lambda () (car '()))))
(define (one x) x)
(show-w (try (lambda () (one))))
(show-w (try (lambda () (one 1 2))))
(show-w (try (lambda () (cons 1))))
(show-w (try (lambda () (/ 1 0))))
(show-w (try (lambda () (5 3))))
(define (prefix? p s)
  (and (<= (string-length p) (string-length s))
       (string=? p (substring s 0 (string-length p)))))
;; For these the exact wording is not fixed: check how the text starts.
(define (try-prefix p thunk)
  (let ((r (try thunk)))
    (if (and (eq? (car r) 'error) (prefix? p (cadr r)))
        (list 'error-starting-with p)
        r)))
(show-w (try-prefix "vector-ref: index 5 out of range"
                    (lambda () (vector-ref (vector 1 2) 5))))
(show-w (try (lambda () (+ 'a 1))))
(show-w (try-prefix "bad syntax" (lambda () (eval '(if)))))
(show-w (try (lambda () (assert (= 1 2)))))
(show-w (try (lambda () (map car '((1) 2)))))

;; error: message and irritants separately.
(show-w (guard (e ((error-object? e)
                   (list (error-object-message e) (error-object-irritants e))))
          (error "msg" 1 2)))
(show-w (guard (e ((error-object? e)
                   (list (error-object-message e) (error-object-irritants e))))
          (error "no irritants")))
(show-w (guard (e ((string? e) (list 'string e))) (raise "a string")))
(show (error-object? 'sym) (error-object? "str") (error-object? (guard (e (#t e)) (car 1))))

;; An error in a deep recursion is caught, and the program goes on.
(define (deep n) (if (= n 0) (car '()) (+ 1 (deep (- n 1)))))
(show-w (try (lambda () (deep 100000))))

;;;; guard clauses

;; The report's examples.
(show (guard (condition
               ((assq 'a condition) => cdr)
               ((assq 'b condition)))
        (raise (list (cons 'a 42)))))
(show (guard (condition
               ((assq 'a condition) => cdr)
               ((assq 'b condition)))
        (raise (list (cons 'b 23)))))
(show (guard (e ((symbol? e) (list 'sym e))
                ((string? e) (list 'str e)))
        (raise 'boom)))
(show (guard (e (else 'else-clause)) (raise 1)))
(show (guard (e (#t 'unused)) 1 2 3))
(show (call-with-values
        (lambda () (guard (e (#t #f)) (values 1 2)))
        list))
;; The guard body's value when nothing is raised, with a clause body of
;; several expressions.
(show (guard (e ((number? e) (display "body ") (* e 2))) (raise 21)))

;; No clause matches: the condition is re-raised to the outer guard.
(show (guard (outer (#t (list 'outer outer)))
        (guard (inner ((string? inner) (list 'inner inner)))
          (raise 'not-a-string))))

;; The re-raise happens in the dynamic environment of the original raise
;; (report 4.2.7): the extent around the raise is re-entered, then left
;; again for the outer guard.
(define trace '())
(define (note x) (set! trace (cons x trace)))
(show (guard (outer (#t (note (list 'outer outer)) (reverse trace)))
        (guard (inner ((string? inner) (list 'inner inner)))
          (dynamic-wind
            (lambda () (note 'in))
            (lambda () (raise 'x))
            (lambda () (note 'out))))))

;; raise-continuable re-raised by a guard that does not match returns to
;; the raise point through the outer handler.
(show (with-exception-handler
        (lambda (e) (* e 10))
        (lambda ()
          (guard (e ((string? e) 'string))
            (+ 1 (raise-continuable 4))))))

;;;; with-exception-handler and raise-continuable

;; The report's examples.
(show (call-with-current-continuation
        (lambda (k)
          (with-exception-handler
            (lambda (e)
              (display "condition: ")
              (write e)
              (newline)
              (k 'exception))
            (lambda ()
              (+ 1 (raise 'an-error)))))))
(show (with-exception-handler
        (lambda (con)
          (cond ((string? con) (display con))
                (else (display "a warning has been issued")))
          42)
        (lambda ()
          (+ (raise-continuable "should be a number")
             23))))

;; The handler runs with the outer handler installed: raising inside a
;; handler goes outward.
(show (call-with-current-continuation
        (lambda (k)
          (with-exception-handler
            (lambda (e) (k (list 'outer e)))
            (lambda ()
              (with-exception-handler
                (lambda (e) (raise (list 'wrapped e)))
                (lambda () (raise 'x))))))))

;; A handler returning from a non-continuable raise: a secondary
;; exception is raised in the handler's dynamic environment, where the
;; guard catches it.
(show (guard (e (#t (list 'secondary (error-object? e))))
        (with-exception-handler
          (lambda (e) 'ignored)
          (lambda () (raise 'boom)))))

;; The same for an error raised by a primitive.
(show (guard (e (#t (list 'secondary (error-object? e))))
        (with-exception-handler
          (lambda (e) 'ignored)
          (lambda () (car 1)))))

;; raise-continuable many times from one body.
(show (with-exception-handler
        (lambda (e) (+ e 1))
        (lambda ()
          (let loop ((i 0) (acc 0))
            (if (= i 1000) acc (loop (+ i 1) (+ acc (raise-continuable i))))))))

;;;; Guards in loops

(define (guard-loop n)
  (let loop ((i 0) (caught 0))
    (if (= i n)
        caught
        (loop (+ i 1)
              (+ caught
                 (guard (e ((number? e) 1)
                           ((string? e) 2)
                           ((error-object? e) 3))
                   (case (modulo i 3)
                     ((0) (raise i))
                     ((1) (raise "odd"))
                     (else (car i)))))))))
(show (guard-loop 300000))

;; After all those guards the handler stack is as it was: the probe
;; reaches the handler installed around the loop.
(show (with-exception-handler
        (lambda (e) (list 'outer-handler e))
        (lambda ()
          (guard-loop 1000)
          (raise-continuable 'probe))))

;; Escaping out of with-exception-handler with call/cc in a loop does not
;; leave handlers installed either.
(define (escape-loop n)
  (let loop ((i 0))
    (if (< i n)
        (begin
          (call-with-current-continuation
            (lambda (k)
              (with-exception-handler
                (lambda (e) (k e))
                (lambda () (raise i)))))
          (loop (+ i 1))))))
(escape-loop 100000)
(show (guard (e (#t (list 'top e))) (raise 'after-loop)))
