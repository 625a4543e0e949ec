;;; boot.scm: the part of the standard library written in Scheme. It is
;;; loaded into every interpreter before the prelude. Procedures here call
;;; other procedures, which Go builtins never do.

;;;; Lists

(define (map f l . ls)
  (if (null? ls)
      (let loop ((l l) (acc '()))
        (if (pair? l)
            (loop (cdr l) (cons (f (car l)) acc))
            (reverse acc)))
      (let loop ((ls (cons l ls)) (acc '()))
        (if (%all-pairs? ls)
            (loop (%cdrs ls) (cons (apply f (%cars ls)) acc))
            (reverse acc)))))

(define (for-each f l . ls)
  (if (null? ls)
      (let loop ((l l))
        (if (pair? l)
            (begin (f (car l)) (loop (cdr l)))))
      (let loop ((ls (cons l ls)))
        (if (%all-pairs? ls)
            (begin (apply f (%cars ls)) (loop (%cdrs ls)))))))

(define (%all-pairs? ls)
  (or (null? ls) (and (pair? (car ls)) (%all-pairs? (cdr ls)))))
(define (%cars ls) (if (null? ls) '() (cons (caar ls) (%cars (cdr ls)))))
(define (%cdrs ls) (if (null? ls) '() (cons (cdar ls) (%cdrs (cdr ls)))))

(define (member x l . compare)
  (if (null? compare)
      (%member x l)
      (let ((same? (car compare)))
        (let loop ((l l))
          (cond ((null? l) #f)
                ((same? x (car l)) l)
                (else (loop (cdr l))))))))

(define (assoc x l . compare)
  (if (null? compare)
      (%assoc x l)
      (let ((same? (car compare)))
        (let loop ((l l))
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

;; (guard (var clause ...) body ...), as in the report's reference
;; implementation (7.3): the clauses run in the dynamic environment of the
;; guard; if none matches, the condition is re-raised with
;; raise-continuable in the dynamic environment of the original raise.
(define-macro (guard spec . body)
  (let* ((var (car spec))
         (clauses (cdr spec))
         (guard-k (gensym "guard-k"))
         (handler-k (gensym "handler-k"))
         (condition (gensym "condition"))
         (args (gensym "args"))
         (has-else (and (pair? clauses)
                        (let loop ((c clauses))
                          (if (null? (cdr c))
                              (and (pair? (car c)) (eq? (caar c) 'else))
                              (loop (cdr c))))))
         (clause-form
          (if has-else
              `(cond ,@clauses)
              `(cond ,@clauses
                     (else (,handler-k (lambda () (raise-continuable ,condition))))))))
    `((call-with-current-continuation
        (lambda (,guard-k)
          (with-exception-handler
            (lambda (,condition)
              ((call-with-current-continuation
                 (lambda (,handler-k)
                   (,guard-k
                     (lambda ()
                       (let ((,var ,condition))
                         ,clause-form)))))))
            (lambda ()
              (call-with-values
                (lambda () ,@body)
                (lambda ,args
                  (,guard-k (lambda () (apply values ,args))))))))))))

(define-macro (assert expr . msg)
  `(if ,expr #t (error "assertion failed:" ',expr)))
