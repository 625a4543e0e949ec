;;; Report section 4.2: derived expression types.
;;; Expected output (.out) is written from the report, not from contigo.
(define (p x) (write x) (newline))
(define (err thunk)
  (call-with-current-continuation
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k (if (error-object? e) (error-object-message e) (list 'raised e))))
        thunk))))

;;;; 4.2.1 Conditionals

(p (cond ((> 3 2) 'greater) ((< 3 2) 'less)))
(p (cond ((> 3 3) 'greater) ((< 3 3) 'less) (else 'equal)))
(p (cond ((assv 'b '((a 1) (b 2))) => cadr) (else #f)))
(p (cond ((memv 3 '(1 2 3 4))) (else 'no)))
(p (case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite)))
(p (case (car '(c d)) ((a e i o u) 'vowel) ((w y) 'semivowel) (else => (lambda (x) x))))
(p (case 5 ((5) => (lambda (x) (* x 2))) (else 'no)))
(p (case #\a ((#\a) 'char) (else 'no)))
(p (and (= 2 2) (> 2 1)))
(p (and (= 2 2) (< 2 1)))
(p (and 1 2 'c '(f g)))
(p (and))
(p (or (= 2 2) (> 2 1)))
(p (or (= 2 2) (< 2 1)))
(p (or #f #f #f))
(p (or (memq 'b '(a b c)) (/ 3 0)))
(p (or))
(when (= 1 1.0) (display "1") (display "2"))
(newline)
(unless (= 1 1.0) (display "1") (display "2"))
(p (when #t 'a 'b))
(p (unless #f 'c))

;; cond-expand: feature identifiers, library, and, or, not, else.
(p (cond-expand (r7rs 'r7rs) (else 'other)))
(p (cond-expand (no-such-feature 'yes) (else 'no)))
(p (cond-expand ((and r7rs ratios exact-closed) 'all) (else 'not-all)))
(p (cond-expand ((or no-such-feature full-unicode) 'some) (else 'none)))
(p (cond-expand ((not no-such-feature) 'negated) (else 'plain)))
(p (cond-expand ((library (scheme base)) 'base) (else 'no-base)))
(p (cond-expand ((library (no such library)) 'found) (else 'not-found)))
(p (cond-expand ((and) 'empty-and) (else 'no)))
(p (cond-expand ((or) 'empty-or) (else 'no)))
(p (cond-expand (contigo 'contigo) (else 'other-scheme)))
(p (cond-expand (exact-complex 'complex) (else 'no-complex)))
;; Definitions in a cond-expand are spliced in, at top level and in a body.
(cond-expand (r7rs (define ce-a 1) (define ce-b 2)) (else (define ce-a 0)))
(p (list ce-a ce-b))
(p (let () (cond-expand (r7rs (define x 10))) (define y (+ x 1)) (list x y)))
;; The unchosen clauses are not even expanded.
(p (cond-expand (r7rs 'ok) (else (this would be (an error)))))

;;;; 4.2.2 Binding constructs

(p (let ((x 2) (y 3)) (* x y)))
(p (let ((x 2) (y 3)) (let ((x 7) (z (+ x y))) (* z x))))
(p (let ((x 2) (y 3)) (let* ((x 7) (z (+ x y))) (* z x))))
(p (letrec ((even? (lambda (n) (if (zero? n) #t (odd? (- n 1)))))
            (odd? (lambda (n) (if (zero? n) #f (even? (- n 1))))))
     (even? 88)))
(define (means ton)
  (letrec*
    ((mean (lambda (f g) (f (/ (sum g ton) n))))
     (sum (lambda (g ton)
            (if (null? ton)
                (+)
                (if (number? ton)
                    (g ton)
                    (+ (sum g (car ton)) (sum g (cdr ton)))))))
     (n (sum (lambda (x) 1) ton)))
    (values (mean values values) (mean exp log) (mean / /))))
(call-with-values (lambda () (means '(3 (1 4))))
  (lambda (a g h) (p (list a (< 2.2894 g 2.2895) h))))
(p (let-values (((root rem) (exact-integer-sqrt 32))) (* root rem)))
(p (let ((a 'a) (b 'b) (x 'x) (y 'y))
     (let*-values (((a b) (values x y))
                   ((x y) (values a b)))
       (list a b x y))))
;; let-values binds like lambda formals: rest lists, a single variable.
(p (let-values (((a . rest) (values 1 2 3)) (all (values 4 5)) (() (values)))
     (list a rest all)))
(p (let-values (((a) 1) ((b c) (values 2 3))) (list a b c)))
;; The inits of let-values are evaluated in the outer scope.
(p (let ((x 1)) (let-values (((x) (values 2)) ((y) (values x))) (list x y))))
(p (let ((x 1)) (let*-values (((x) (values 2)) ((y) (values x))) (list x y))))
(p (let-values () 'empty))
(p (let*-values () 'empty))
;; Bodies may start with definitions.
(p (let-values (((a b) (values 1 2))) (define c (+ a b)) (* c 2)))
;; A continuation captured in an init can be re-entered.
(p (let ((k #f) (n 0))
     (let-values (((a b) (call-with-current-continuation
                           (lambda (c) (set! k c) (values 1 2)))))
       (set! n (+ n 1))
       (if (< n 3) (k a (+ b 10)) (list n a b)))))
(p (err (lambda () (let-values (((a b) (values 1 2 3))) a))))
(p (err (lambda () (let-values (((a b . c) (values 1))) a))))
;; receive (SRFI 8)
(p (receive (q r) (floor/ 7 2) (list q r)))
(p (receive all (values 1 2 3) all))
(p (receive (a . rest) (values 1 2 3) (list a rest)))

;;;; 4.2.3 Sequencing

(define x 0)
(p (and (= x 0) (begin (set! x 5) (+ x 1))))
(begin (display "4 plus 1 equals ") (display (+ 4 1)))
(newline)
(begin (define seq-a 1) (define seq-b (+ seq-a 1)))
(p seq-b)

;;;; 4.2.4 Iteration

(p (do ((vec (make-vector 5)) (i 0 (+ i 1))) ((= i 5) vec) (vector-set! vec i i)))
(p (let ((x '(1 3 5 7 9))) (do ((x x (cdr x)) (sum 0 (+ sum (car x)))) ((null? x) sum))))
(p (let loop ((numbers '(3 -2 1 6 -5)) (nonneg '()) (neg '()))
     (cond ((null? numbers) (list nonneg neg))
           ((>= (car numbers) 0) (loop (cdr numbers) (cons (car numbers) nonneg) neg))
           ((< (car numbers) 0) (loop (cdr numbers) nonneg (cons (car numbers) neg))))))

;;;; 4.2.5 Delayed evaluation

(p (force (delay (+ 1 2))))
(p (let ((p (delay (+ 1 2)))) (list (force p) (force p))))
(define integers
  (letrec ((next (lambda (n) (delay (cons n (next (+ n 1)))))))
    (next 0)))
(define head (lambda (stream) (car (force stream))))
(define tail (lambda (stream) (cdr (force stream))))
(p (head (tail (tail integers))))
(define (stream-filter p? s)
  (delay-force
    (if (null? (force s))
        (delay '())
        (let ((h (car (force s))) (t (cdr (force s))))
          (if (p? h)
              (delay (cons h (stream-filter p? t)))
              (stream-filter p? t))))))
(p (head (tail (tail (stream-filter odd? integers)))))
(define count 0)
(define pr (delay (begin (set! count (+ count 1)) (if (> count x) count (force pr)))))
(define x 5)
(p (promise? pr))
(p (force pr))
(p (promise? pr))
(p (begin (set! x 10) (force pr)))
(p (promise? (make-promise 1)))
(p (force (make-promise 7)))
(p (let ((pr (delay 1))) (eq? pr (make-promise pr))))
(p (force 5))

;;;; 4.2.6 Dynamic bindings

(define radix
  (make-parameter 10 (lambda (x)
                       (if (and (exact-integer? x) (<= 2 x 16))
                           x
                           (error "invalid radix")))))
(define (f n) (number->string n (radix)))
(p (f 12))
(p (parameterize ((radix 2)) (f 12)))
(p (f 12))
(p (err (lambda () (parameterize ((radix 0)) (f 12)))))

;;;; 4.2.7 Exception handling

(p (guard (condition ((assq 'a condition) => cdr) ((assq 'b condition)))
     (raise (list (cons 'a 42)))))
(p (guard (condition ((assq 'a condition) => cdr) ((assq 'b condition)))
     (raise (list (cons 'b 23)))))

;;;; 4.2.8 Quasiquotation

(p `(list ,(+ 1 2) 4))
(p (let ((name 'a)) `(list ,name ',name)))
(p `(a ,(+ 1 2) ,@(map abs '(4 -5 6)) b))
(p `((foo ,(- 10 3)) ,@(cdr '(c)) . ,(car '(cons))))
(p `#(10 5 ,(sqrt 4) ,@(map sqrt '(16 9)) 8))
(p (let ((foo '(foo bar)) (@baz 'baz)) `(list ,@foo , @baz)))
(p `(a `(b ,(+ 1 2) ,(foo ,(+ 1 3) d) e) f))
(p (let ((name1 'x) (name2 'y)) `(a `(b ,,name1 ,',name2 d) e)))
(p (quasiquote (list (unquote (+ 1 2)) 4)))
(p '(quasiquote (list (unquote (+ 1 2)) 4)))

;;;; 4.2.9 Case-lambda

(define range
  (case-lambda
    ((e) (range 0 e))
    ((b e) (do ((r '() (cons e r)) (e (- e 1) (- e 1))) ((< e b) r)))))
(p (range 3))
(p (range 3 5))
(define plus
  (case-lambda
    (() 0)
    ((x) x)
    ((x y) (+ x y))
    ((x y . z) (apply plus (+ x y) z))))
(p (list (plus) (plus 1) (plus 1 2) (plus 1 2 3) (plus 1 2 3 4 5)))
;; The first clause that accepts the arguments is chosen.
(define which
  (case-lambda
    ((a . rest) 'rest)
    ((a b) 'two)))
(p (list (which 1) (which 1 2)))
(p (procedure? range))
(p (err (lambda () (range))))
(p (err (lambda () ((case-lambda ((a) a) ((a b c) c)) 1 2))))
;; Clauses close over their environment and may define internally.
(define (make-counter)
  (let ((n 0))
    (case-lambda
      (() n)
      ((k) (define m (+ n k)) (set! n m) n))))
(define c1 (make-counter))
(c1 5)
(c1 2)
(p (c1))
