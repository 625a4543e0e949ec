;;; core.scm: the part of the standard library written in Scheme, loaded
;;; into every interpreter first, after the builtins and before srfi.scm
;;; and the concurrency library (prelude/prelude.scm). Procedures here
;;; call other procedures, which Go builtins never do.

;;;; Lists

;; map and for-each are control procedures in Go (eval/control_lists.go).

(define (%all-pairs? ls)
  (or (null? ls) (and (pair? (car ls)) (%all-pairs? (cdr ls)))))
(define (%cars ls) (if (null? ls) '() (cons (caar ls) (%cars (cdr ls)))))
(define (%cdrs ls) (if (null? ls) '() (cons (cdar ls) (%cdrs (cdr ls)))))

(define (member x l . compare)
  (if (null? compare)
      (%member x l)
      (let ((same? (car compare)))
        (let loop ((l (%check-list 'member l)))
          (cond ((null? l) #f)
                ((same? x (car l)) l)
                (else (loop (cdr l))))))))

(define (assoc x l . compare)
  (if (null? compare)
      (%assoc x l)
      (let ((same? (car compare)))
        (let loop ((l (%check-list 'assoc l)))
          (cond ((null? l) #f)
                ((same? x (caar l)) (car l))
                (else (loop (cdr l))))))))

(define (vector-map f v . vs)
  (list->vector (apply map f (vector->list v) (map vector->list vs))))

(define (vector-for-each f v . vs)
  (apply for-each f (vector->list v) (map vector->list vs)))

(define (string-map f s . ss)
  (list->string (apply map f (string->list s) (map string->list ss))))

(define (string-for-each f s . ss)
  (apply for-each f (string->list s) (map string->list ss)))

;;;; Input and output (report 6.13.1)

;; call-with-port closes the port when proc returns, and only then: a
;; continuation may still come back into proc (report 6.13.1).
(define (call-with-port port proc)
  (call-with-values (lambda () (proc port))
    (lambda vals
      (close-port port)
      (apply values vals))))

(define (call-with-input-file file proc)
  (call-with-port (open-input-file file) proc))

(define (call-with-output-file file proc)
  (call-with-port (open-output-file file) proc))

;; with-input-from-file and with-output-to-file bind the current port with
;; parameterize and close the file when thunk returns. If thunk escapes,
;; the file stays open (it may be re-entered) but what was written is
;; flushed, so a handler can read it.
(define (with-input-from-file file thunk)
  (let ((port (open-input-file file)))
    (call-with-values
      (lambda () (parameterize ((current-input-port port)) (thunk)))
      (lambda vals
        (close-port port)
        (apply values vals)))))

(define (with-output-to-file file thunk)
  (let ((port (open-output-file file)))
    (call-with-values
      (lambda ()
        (parameterize ((current-output-port port))
          (dynamic-wind
            (lambda () #f)
            thunk
            (lambda () (if (output-port-open? port) (flush-output-port port))))))
      (lambda vals
        (close-port port)
        (apply values vals)))))

;; Go's fmt.Println, for people coming from Go: displays its arguments
;; separated by spaces, then a newline.
(define (println . objs)
  (let ((port (current-output-port)))
    (if (pair? objs)
        (let loop ((objs objs))
          (display (car objs) port)
          (if (pair? (cdr objs))
              (begin (write-char #\space port) (loop (cdr objs))))))
    (newline port)))

;; String port conveniences found in most Schemes.
(define (call-with-output-string proc)
  (let ((port (open-output-string)))
    (proc port)
    (get-output-string port)))

(define (with-output-to-string thunk)
  (let ((port (open-output-string)))
    (parameterize ((current-output-port port)) (thunk))
    (get-output-string port)))

(define (with-input-from-string string thunk)
  (parameterize ((current-input-port (open-input-string string))) (thunk)))

;;;; Values

(define (values . things)
  (call-with-current-continuation
    (lambda (k) (apply k things))))

;;;; Promises (report 7.3)

(define (force promise)
  (if (promise? promise)
      (if (%promise-done? promise)
          (%promise-value promise)
          (let ((promise* ((%promise-value promise))))
            (if (not (%promise-done? promise))
                (%promise-update! promise* promise))
            (force promise)))
      promise))

;;;; Parameters

(define (make-parameter value . converter)
  (let ((convert (if (pair? converter) (car converter) #f)))
    (%make-parameter (if convert (convert value) value) convert)))

(define (%parameterize params vals thunk)
  (%with-params params
                (map (lambda (p v)
                       (let ((convert (%parameter-converter p)))
                         (if convert (convert v) v)))
                     params vals)
                thunk))

;;;; Exceptions

;; (guard (var clause ...) body ...), the report's reference
;; implementation (7.3): the clauses run in the dynamic environment of the
;; guard; if none matches, the condition is re-raised with
;; raise-continuable in the dynamic environment of the original raise.
;; Being syntax-rules, it works where the user has bound call/cc, values
;; or raise-continuable locally.
(define-syntax %guard-aux
  (syntax-rules (else =>)
    ((_ reraise)
     reraise)
    ((_ reraise (else result1 result2 ...))
     (begin result1 result2 ...))
    ((_ reraise (test => result))
     (let ((temp test))
       (if temp (result temp) reraise)))
    ((_ reraise (test => result) clause1 clause2 ...)
     (let ((temp test))
       (if temp (result temp) (%guard-aux reraise clause1 clause2 ...))))
    ((_ reraise (test))
     (or test reraise))
    ((_ reraise (test) clause1 clause2 ...)
     (let ((temp test))
       (if temp temp (%guard-aux reraise clause1 clause2 ...))))
    ((_ reraise (test result1 result2 ...))
     (if test (begin result1 result2 ...) reraise))
    ((_ reraise (test result1 result2 ...) clause1 clause2 ...)
     (if test
         (begin result1 result2 ...)
         (%guard-aux reraise clause1 clause2 ...)))))

(define-syntax guard
  (syntax-rules ()
    ((_ (var clause ...) e1 e2 ...)
     ((call-with-current-continuation
       (lambda (guard-k)
         (with-exception-handler
          (lambda (condition)
            ((call-with-current-continuation
              (lambda (handler-k)
                (guard-k
                 (lambda ()
                   (let ((var condition))
                     (%guard-aux
                      (handler-k (lambda () (raise-continuable condition)))
                      clause ...))))))))
          (lambda ()
            (call-with-values
             (lambda () e1 e2 ...)
             (lambda args
               (guard-k (lambda () (apply values args)))))))))))))

(define-syntax assert
  (syntax-rules ()
    ((_ expr . msg)
     (if expr #t (error "assertion failed:" 'expr)))))
