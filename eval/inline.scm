;;; inline.scm: two macros for writing a library whose small procedures
;;; cost no procedure call, loaded after core.scm and srfi.scm so that
;;; the concurrency library (prelude/prelude.scm) reads as Scheme and
;;; keeps the speed these buy.

;;;; Records whose accessors are macros

;; (%define-record kind (field ...) (printed ...)) defines the kind of
;; record, %<KIND>, and, as macros, a constructor (%make-KIND field ...),
;; a predicate (%KIND? x), and for each field a getter (%KIND-FIELD r),
;; a setter (%KIND-FIELD-set! r v) and its number (%KIND-FIELD-index),
;; for primitives that take a record and one of its fields. The records print the fields of
;; printed, as Guile's records do (#<chan 3 len: 0 cap: 1 closed: #f>: a
;; first field id is shown bare, after the kind). The accessors are
;; macros so that hot paths pay no procedure call for a field access:
;; each use expands into a call of a primitive (%record, %record?,
;; %record-ref, %record-set!: eval/builtins_sched.go), which the
;; evaluator computes without pushing a frame. The getters and setters
;; do not check the kind of their record: the library's own code calls
;; them, on records it made.
(define-macro (%define-record kind fields printed)
  (define (name . parts)
    (string->symbol
      (apply string-append
             (map (lambda (p) (if (symbol? p) (symbol->string p) p)) parts))))
  (let ((type (name "%<" kind ">")))
    (let loop ((fs fields) (i 0)
               ;; The kind is put in the expansions as a constant.
               (out (list `(define-macro (,(name "%" kind "?") x)
                             (list '%record? x (list 'quote ,type)))
                          `(define-macro (,(name "%make-" kind) . args)
                             (cons '%record (cons (list 'quote ,type) args)))
                          `(define ,type (%record-kind ',kind ',fields ',printed)))))
      (if (null? fs)
          `(begin ,@(reverse out))
          (loop (cdr fs) (+ i 1)
                (cons `(define-macro (,(name "%" kind "-" (car fs) "-index")) ,i)
                      (cons `(define-macro (,(name "%" kind "-" (car fs) "-set!") r v)
                               (list '%record-set! r ,i v))
                            (cons `(define-macro (,(name "%" kind "-" (car fs)) r)
                                     (list '%record-ref r ,i))
                                  out))))))))

;;;; Procedures expanded in place

;; (%define-inline (name arg ...) body ...) is a procedure whose calls
;; are expanded in place, for a library's small, hot helpers: a call
;; costs no procedure call, and usually no environment record either.
;; An argument that is a variable, a constant, or a read of fields
;; ((car x), (vector-ref v 2), (%chan-recvq ch): accessors applied to
;; such arguments) is substituted for its parameter, and so is a new
;; pair or vector of such things for a parameter used once (reads more
;; than one deep are substituted only where used once), and a new record
;; (%record) likewise. Any other
;; argument is bound by a let, so that it is still evaluated once, before
;; the body.
;;
;; So the body may refer only to its parameters and to global names, must
;; not rebind its parameters, and must not change what a caller's field
;; read reads before using it.
(define-macro (%define-inline spec . body)
  `(define-macro (,(car spec) . actuals)
     (%inline-expand ',(car spec) ',(cdr spec) actuals ',body)))

;; The expansion of a call (name . actuals) of an inline procedure with
;; parameters params and body body: a partial evaluator of one step.
(define (%inline-expand name params actuals body)
  (define (mentions? x sym)
    (if (pair? x) (or (mentions? (car x) sym) (mentions? (cdr x) sym)) (eq? x sym)))
  ;; Whether the body binds sym (let, named let, lambda, do), so that a
  ;; variable sym substituted into it could be captured.
  (define (binds? x sym)
    (and (pair? x)
         (or (and (memq (car x) '(let let* letrec letrec* do)) (pair? (cdr x))
                  (let* ((named (symbol? (cadr x)))
                         (bindings (if named (if (pair? (cddr x)) (caddr x) '()) (cadr x))))
                    (or (and named (eq? (cadr x) sym))
                        (and (list? bindings) (assq sym (filter-pairs bindings))))))
             (and (eq? (car x) 'lambda) (pair? (cdr x)) (mentions? (cadr x) sym))
             (binds? (car x) sym)
             (binds? (cdr x) sym))))
  (define (filter-pairs l)
    (cond ((null? l) '())
          ((pair? (car l)) (cons (car l) (filter-pairs (cdr l))))
          (else (filter-pairs (cdr l)))))
  ;; How many field reads deep a is. A deep read used several times is
  ;; bound by a let instead: one record costs less than many reads.
  (define (depth a)
    (let ((a (macroexpand a)))
      (if (pair? a) (+ 1 (apply max 0 (map depth (cdr a)))) 0)))
  (define (constant? a)
    (or (number? a) (boolean? a) (string? a) (char? a)
        (and (pair? a) (eq? (car a) 'quote))))
  (define (field-read? a)
    (let ((a (macroexpand a)))
      (or (constant? a)
          (and (symbol? a) (not (binds? body a)))
          (and (pair? a) (memq (car a) '(car cdr vector-ref %record-ref))
               (list? a)
               (let loop ((args (cdr a)))
                 (or (null? args) (and (field-read? (car args)) (loop (cdr args)))))))))
  (define (occurrences x sym)
    (cond ((eq? x sym) 1)
          ((pair? x) (+ (occurrences (car x) sym) (occurrences (cdr x) sym)))
          (else 0)))
  ;; An allocation of field reads, for a parameter the body uses once, may
  ;; be made where it is used: nothing it reads can change before.
  (define (single-use-allocation? a p)
    (and (pair? a) (memq (car a) '(cons list vector %record)) (list? a)
         (let loop ((args (cdr a)))
           (or (null? args) (and (field-read? (car args)) (loop (cdr args)))))
         (= (occurrences body p) 1)))
  (define (substitute x subst)
    (cond ((symbol? x) (let ((b (assq x subst))) (if b (cdr b) x)))
          ((and (pair? x) (eq? (car x) 'quote)) x)
          ((pair? x) (cons (substitute (car x) subst) (substitute (cdr x) subst)))
          (else x)))
  (if (not (= (length actuals) (length params)))
      (error (string-append (symbol->string name) ": wrong number of arguments in")
             (cons name actuals)))
  (let loop ((ps params) (as actuals) (binds '()) (subst '()))
    (if (null? ps)
        (let ((b (substitute body subst)))
          (cond ((pair? binds) `(let ,(reverse binds) ,@b))
                ((null? (cdr b)) (car b))
                (else `(begin ,@b))))
        (let ((a (macroexpand (car as))))
          (if (or (and (field-read? a)
                       (or (< (depth a) 2) (<= (occurrences body (car ps)) 1)))
                  (single-use-allocation? a (car ps)))
              (loop (cdr ps) (cdr as) binds (cons (cons (car ps) a) subst))
              (loop (cdr ps) (cdr as) (cons (list (car ps) a) binds) subst))))))
