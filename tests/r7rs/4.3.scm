;;; Report section 4.3: macros (syntax-rules, define-syntax, let-syntax,
;;; letrec-syntax) and their hygiene, plus macros expanding into
;;; definitions (5.3, 5.4).
;;; Expected output (.out) is written from the report, not from contigo.
(define (p x) (write x) (newline))

;;;; The report's examples

;; 4.3.1 let-syntax: the macro's if is the if where it was defined.
(p (let-syntax ((given-that (syntax-rules ()
                              ((_ test stmt1 stmt2 ...)
                               (if test
                                   (begin stmt1
                                          stmt2 ...))))))
     (let ((if #t))
       (given-that if (set! if 'now))
       if)))

;; A free identifier in a template refers to the binding where the macro
;; was defined.
(p (let ((x 'outer))
     (let-syntax ((m (syntax-rules () ((m) x))))
       (let ((x 'inner))
         (m)))))

;; 4.3.1 letrec-syntax: my-or's temp, let and if are not the user's.
(p (letrec-syntax
       ((my-or (syntax-rules ()
                 ((my-or) #f)
                 ((my-or e) e)
                 ((my-or e1 e2 ...)
                  (let ((temp e1))
                    (if temp
                        temp
                        (my-or e2 ...)))))))
     (let ((x #f)
           (y 7)
           (temp 8)
           (let odd?)
           (if even?))
       (my-or x
              (let temp)
              (if y)
              y))))

;; 4.3.2: a macro that defines a macro, with (... ...).
(define-syntax be-like-begin
  (syntax-rules ()
    ((be-like-begin name)
     (define-syntax name
       (syntax-rules ()
         ((name expr (... ...))
          (begin expr (... ...))))))))
(be-like-begin sequence)
(p (sequence 1 2 3 4))

;; 4.3.2: cond's => is not a keyword where the user has bound it.
(p (let ((=> #f))
     (cond (#t => 'ok))))

;; 4.3.3: simple-let (its syntax-error rule is tested in
;; tests/errors/syntax-rules.scm).
(define-syntax simple-let
  (syntax-rules ()
    ((_ (head ... ((x . y) val) . tail)
        body1 body2 ...)
     (syntax-error
      "expected an identifier but got"
      (x . y)))
    ((_ ((name val) ...) body1 body2 ...)
     ((lambda (name ...) body1 body2 ...)
      val ...))))
(p (simple-let ((a 1) (b 2)) (+ a b)))
(p (simple-let () 'empty))

;;;; Hygiene of global macros

;; The macro's temp does not capture the user's temp.
(define-syntax my-or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e1 e2 ...)
     (let ((temp e1))
       (if temp temp (my-or e2 ...))))))
(define temp 5)
(p (my-or #f temp))
(p (let ((temp 6)) (my-or #f temp)))
(p (my-or))
(p (my-or #f #f 'last))

;; swap! with variables named like its temporary.
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define tmp 1)
(define other 2)
(swap! tmp other)
(p (list tmp other))
(p (let ((tmp 'x) (let 'y)) (swap! tmp let) (list tmp let)))

;; A macro using if, cond and else works where the user bound them.
(define-syntax my-if
  (syntax-rules ()
    ((_ c t e) (cond (c t) (else e)))))
(p (let ((if list) (cond 'not-cond) (else #f))
     (my-if #t 'yes 'no)))
(p (let ((if list)) (my-if #f 'yes 'no)))

;; A template's reference to a global means the global.
(define-syntax my-list
  (syntax-rules ()
    ((_ x ...) (list x ...))))
(p (let ((list vector)) (my-list 1 2 3)))
(p (let ((list vector)) (list 1 2)))

;; Derived forms inside templates keep working where the user has bound
;; the core keywords they are made of.
(define-syntax count-up
  (syntax-rules ()
    ((_ n) (do ((i 0 (+ i 1)) (acc '() (cons i acc)))
               ((= i n) (reverse acc))))))
(p (let ((if 1) (let 2) (begin 3) (lambda 4) (letrec 5) (quote 6))
     (count-up 3)))

;; A binding the macro introduces is invisible to the user's expression.
(define-syntax with-v
  (syntax-rules ()
    ((_ e) (let ((v 'macro)) (list v e)))))
(p (let ((v 'user)) (with-v v)))

;; A template that binds a local list and calls it gets its own.
(define-syntax own-list
  (syntax-rules ()
    ((_ x) (let ((list (lambda args 'own))) (list x)))))
(p (own-list 1))
(p (list 1))

;; quote of introduced symbols gives plain symbols.
(define-syntax quoted
  (syntax-rules ()
    ((_ x) '(a x #(b)))))
(p (quoted 1))
(p (eq? (car (quoted 1)) 'a))
(p (symbol? (car (quoted 1))))

;; quasiquote in a template.
(define-syntax qq
  (syntax-rules ()
    ((_ x) `(x ,x ,@(list x 'y)))))
(p (let ((x 'user-x)) (qq x)))

;; case datums in a template.
(define-syntax classify
  (syntax-rules ()
    ((_ e) (case e ((a b) 'ab) ((c) 'c) (else 'other)))))
(p (map (lambda (s) (classify s)) '(a c z)))

;;;; Literals

(define-syntax my-cond
  (syntax-rules (else =>)
    ((_ (else e)) e)
    ((_ (c => f)) (let ((t c)) (if t (f t) #f)))
    ((_ (c e)) (if c e #f))))
(p (my-cond (else 'else-clause)))
(p (my-cond ((assv 2 '((1 . one) (2 . two))) => cdr)))
(p (my-cond (#t 'plain)))
;; A locally bound else is not the literal else: it is a test.
(p (let ((else #f)) (my-cond (else 'never))))
(define-syntax arrow?
  (syntax-rules (=>)
    ((_ =>) 'arrow)
    ((_ x) 'not-arrow)))
(p (list (arrow? =>) (let ((=> 1)) (arrow? =>))))

;; _ matches anything and binds nothing.
(define-syntax second
  (syntax-rules ()
    ((_ _ x . _) x)))
(p (second 1 2 3 4))

;; _ in the literals is matched literally.
(define-syntax under
  (syntax-rules (_)
    ((m _) 'underscore)
    ((m x) 'other)))
(p (list (under _) (under 1)))

;; Constants in patterns match with equal?.
(define-syntax const
  (syntax-rules ()
    ((_ 1) 'one)
    ((_ "two") 'two)
    ((_ #\3) 'three)
    ((_ (4 x)) (list 'four x))
    ((_ x) 'other)))
(p (list (const 1) (const "two") (const #\3) (const (4 5)) (const 6)))

;;;; Ellipses

;; Nested ellipses.
(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...)
     (let ((x v)) (my-let* (rest ...) body ...)))))
(p (my-let* ((a 1) (b (+ a 1)) (c (* b 10))) (list a b c)))

(define-syntax rotate-groups
  (syntax-rules ()
    ((_ (a b ...) ...) '((b ... a) ...))))
(p (rotate-groups (1 2 3) (4) (5 6)))

;; Two ellipses after one subtemplate flatten.
(define-syntax flatten
  (syntax-rules ()
    ((_ (a ...) ...) '(a ... ...))))
(p (flatten (1 2) () (3) (4 5 6)))

;; A depth-0 variable repeated inside an ellipsis.
(define-syntax tag-all
  (syntax-rules ()
    ((_ tag x ...) '((tag x) ...))))
(p (tag-all t 1 2 3))

;; An ellipsis followed by more patterns.
(define-syntax last-two
  (syntax-rules ()
    ((_ x ... y z) '(y z))))
(p (last-two 1 2 3 4))
(p (last-two 1 2))

;; let-values-like nesting: an ellipsis under an ellipsis in both.
(define-syntax my-let-lists
  (syntax-rules ()
    ((_ ((name val ...) ...) body)
     (let ((name (list val ...)) ...) body))))
(p (my-let-lists ((a 1 2) (b) (c 3)) (list a b c)))

;; (... ...) escapes: the expansion contains an ellipsis.
(define-syntax ellipsis-data
  (syntax-rules ()
    ((_ a) '(a (... ...) (... (x ...))))))
(p (ellipsis-data 1))

;; A custom ellipsis (R7RS): ... is then an ordinary identifier.
(define-syntax my-ell
  (syntax-rules ::: ()
    ((_ x :::) '(... x :::))))
(p (my-ell 1 2 3))
(define-syntax def-lister
  (syntax-rules ()
    ((_ name)
     (define-syntax name
       (syntax-rules ::: ()
         ((_ x :::) (list 'name x :::)))))))
(def-lister lister)
(p (lister 1 2))

;;;; Dotted and vector patterns

(define-syntax dotted
  (syntax-rules ()
    ((_ a . b) '(a b))))
(p (dotted 1 2 3))
(p (dotted 1))
(p (dotted 1 . 2))

(define-syntax ell-dot
  (syntax-rules ()
    ((_ a ... . r) '(r a ...))))
(p (ell-dot 1 2 . 3))
(p (ell-dot 1 2))

(define-syntax vec-head
  (syntax-rules ()
    ((_ #(a b ...)) (list 'a '#(b ...)))))
(p (vec-head #(1 2 3)))
(p (vec-head #(1)))

(define-syntax vec-tmpl
  (syntax-rules ()
    ((_ x ...) #(start x ... end))))
(p (vec-tmpl 1 2))

(define-syntax vec-fixed
  (syntax-rules ()
    ((_ #(a b)) 'pair)
    ((_ #(a ...)) 'any)
    ((_ x) 'not-vector)))
(p (list (vec-fixed #(1 2)) (vec-fixed #(1 2 3)) (vec-fixed #()) (vec-fixed (1 2))))

;;;; Recursive macros

(define-syntax my-and
  (syntax-rules ()
    ((_) #t)
    ((_ e) e)
    ((_ e1 e2 ...) (if e1 (my-and e2 ...) #f))))
(p (list (my-and) (my-and 1 2 3) (my-and 1 #f 3)))

(define-syntax rev-args
  (syntax-rules ()
    ((_ f () acc ...) (f acc ...))
    ((_ f (x rest ...) acc ...) (rev-args f (rest ...) x acc ...))))
(p (rev-args list (1 2 3 4)))

;; A while loop in constant space.
(define-syntax while
  (syntax-rules ()
    ((_ c body ...) (let lp () (when c body ... (lp))))))
(define i 0)
(while (< i 100000) (set! i (+ i 1)))
(p i)

;;;; let-syntax and letrec-syntax scoping

;; let-syntax transformers see the outer keyword; letrec-syntax ones see
;; each other.
(define-syntax outer (syntax-rules () ((_) 'outer-macro)))
(p (let-syntax ((outer (syntax-rules () ((_) 'inner-macro)))
                (use-outer (syntax-rules () ((_) (outer)))))
     (list (outer) (use-outer))))
(p (letrec-syntax ((outer (syntax-rules () ((_) 'inner-macro)))
                   (use-outer (syntax-rules () ((_) (outer)))))
     (list (outer) (use-outer))))

;; A local keyword shadows a special form, and a local variable shadows a
;; keyword.
(p (let-syntax ((if (syntax-rules () ((_ c a b) b))))
     (if #t 'then 'else)))
(p (let ((outer (lambda () 'variable))) (outer)))

;; The body of let-syntax may have definitions, local to it.
(p (let-syntax ((double (syntax-rules () ((_ e) (* 2 e)))))
     (define d (double 21))
     d))

;; letrec-syntax mutual recursion.
(p (letrec-syntax
       ((ev? (syntax-rules () ((_) #t) ((_ x . r) (od? . r))))
        (od? (syntax-rules () ((_) #f) ((_ x . r) (ev? . r)))))
     (list (ev? 1 2 3 4) (od? 1 2 3))))

;;;; Internal define-syntax

(define (internal-macro)
  (define-syntax twice
    (syntax-rules ()
      ((_ e) (begin e e))))
  (define n 0)
  (twice (set! n (+ n 1)))
  n)
(p (internal-macro))

;; The macro may refer to definitions later in the same body, and be
;; used by procedures defined before it.
(define (forward)
  (define (use) (helper-call))
  (define-syntax helper-call
    (syntax-rules () ((_) (helper 'arg))))
  (define (helper x) (list 'helped x))
  (use))
(p (forward))

;; An internal keyword shadows a global macro and a global variable.
(define (shadowing)
  (define-syntax my-list (syntax-rules () ((_ x ...) '(local x ...))))
  (define-syntax car (syntax-rules () ((_ x) 'not-car)))
  (list (my-list 1 2) (car '(1 2))))
(p (shadowing))
(p (car '(1 2)))

;; A local macro's free identifiers are the local variables where it was
;; defined, even under a shadowing binding at the use.
(define (closure-macro)
  (define x 'defined)
  (define-syntax get-x (syntax-rules () ((_) x)))
  (let ((x 'shadow))
    (get-x)))
(p (closure-macro))

;;;; Macros that expand into definitions

;; At top level.
(define-syntax def
  (syntax-rules ()
    ((_ name val) (define name val))))
(def forty-two 42)
(p forty-two)

(define-syntax def-getter
  (syntax-rules ()
    ((_ name val) (define (name) val))))
(def-getter get-five 5)
(p (get-five))

;; A begin of definitions, with a helper the macro introduces: the
;; helper is the macro's own and does not clash between uses or with the
;; user's variable of the same name.
(define-syntax def-counter
  (syntax-rules ()
    ((_ next)
     (begin
       (define count 0)
       (define (next) (set! count (+ count 1)) count)))))
(def-counter next-a)
(def-counter next-b)
(next-a)
(next-a)
(p (list (next-a) (next-b)))
(define count 'users)
(p (list count (next-a)))

;; In a body.
(define (body-defs)
  (def a 1)
  (def-getter get-b 2)
  (def-counter next)
  (next)
  (list a (get-b) (next)))
(p (body-defs))

;; Expanding into define-syntax at top level and in a body.
(define-syntax def-const-macro
  (syntax-rules ()
    ((_ name v) (define-syntax name (syntax-rules () ((_) v))))))
(def-const-macro top-const 'top)
(p (top-const))
(define (body-macro)
  (def-const-macro local-const 'local)
  (local-const))
(p (body-macro))

;;;; define-macro keeps working beside syntax-rules

(define-macro (old-style x) `(list ',x ,x))
(define-syntax new-style
  (syntax-rules ()
    ((_ x) (old-style x))))
(p (let ((y 3)) (new-style y)))
(define-macro (old-wraps-new x) `(my-list ,x ,x))
(p (old-wraps-new 1))

;;;; guard and assert are hygienic

(p (let ((call-with-current-continuation #f) (call/cc #f)
         (raise-continuable #f) (with-exception-handler #f)
         (values #f) (apply #f) (lambda #f) (let #f) (if #f))
     (guard (e (#t (list 'caught e)))
       (raise 'oops))))
(p (let ((raise-continuable #f))
     (guard (e ((string? e) 'outer))
       (guard (e ((number? e) 'inner))
         (raise "str")))))
(p (let ((else #f))
     (guard (e ((symbol? e) 'sym))
       (raise 'x))))
(p (let ((if #f) (error #f))
     (assert (= 1 1))))
