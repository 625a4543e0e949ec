;;; Every special form of the core, mostly with the report's examples
;;; (chapter 4).

(define (show . xs) (for-each display xs) (newline))
(define (show-w x) (write x) (newline))

;;;; quote
(show-w (quote a))
(show-w '#(a b c))
(show-w '(+ 1 2))
(show-w ''a)
(show-w '"abc")
(show-w '145932)
(show-w '#t)
(show-w '())

;;;; lambda: fixed, rest and dotted parameter lists
(show ((lambda (x y) (+ x y)) 1 2))
(show ((lambda x x) 3 4 5 6))
(show ((lambda x x)))
(show ((lambda (x y . z) z) 3 4 5 6))
(show ((lambda (x y . z) z) 3 4))
(define reverse-subtract (lambda (x y) (- y x)))
(show (reverse-subtract 7 10))
(define add4 (let ((x 4)) (lambda (y) (+ x y))))
(show (add4 6))
;; A body of several expressions returns the last value.
(show ((lambda () 1 2 3)))

;;;; define
(define (f . args) args)
(show (f) " " (f 1 2))
(define (g a . rest) (list a rest))
(show (g 1) " " (g 1 2 3))
;; Curried define.
(define ((adder n) x) (+ n x))
(show ((adder 3) 4))
(define (((curry3 a) b) c) (list a b c))
(show (((curry3 1) 2) 3))
;; Redefinition replaces the value.
(define redefined 1)
(define redefined 2)
(show redefined)

;;;; Internal definitions: letrec* semantics
(define (internal)
  (define a 1)
  (define b (+ a 1))
  (define (ev? n) (if (= n 0) #t (od? (- n 1))))
  (define (od? n) (if (= n 0) #f (ev? (- n 1))))
  (list a b (ev? 10) (od? 7)))
(show (internal))
(show (let ((x 5))
        (define foo (lambda (y) (bar x y)))
        (define bar (lambda (a b) (+ (* a b) a)))
        (foo (+ x 3))))
;; An internal definition shadows a global one in the whole body.
(define shadowed 'global)
(define (shadow) (define shadowed 'local) shadowed)
(show (shadow) " " shadowed)
;; Internal definitions inside let, let*, letrec, lambda and begin bodies.
(show (let* ((x 1)) (define y (+ x 1)) (begin (define z (+ y 1))) (list x y z)))

;;;; set!
(define x 2)
(show (+ x 1))
(set! x 4)
(show (+ x 1))
(define (make-counter)
  (let ((n 0))
    (lambda () (set! n (+ n 1)) n)))
(define c1 (make-counter))
(define c2 (make-counter))
(c1)
(c1)
(show (c1) " " (c2))
;; set! of a parameter variable.
(show ((lambda (v) (set! v (* v 10)) v) 7))

;;;; if
(show (if (> 3 2) 'yes 'no))
(show (if (> 2 3) 'yes 'no))
(show (if (> 3 2) (- 3 2) (+ 3 2)))
(show (if '() 'true 'false) " " (if 0 'true 'false) " " (if "" 'true 'false))
(show (if #f #f 'two-armed))

;;;; begin
(define bx 0)
(begin (set! bx 5) (set! bx (+ bx 1)))
(show bx)
(show (begin 1 2 3))
(begin (define b1 10) (define b2 20))
(show (+ b1 b2))

;;;; let, let*, letrec, letrec*, named let
(show (let ((x 2) (y 3)) (* x y)))
(show (let ((x 2) (y 3))
        (let ((x 7)
              (z (+ x y)))
          (* z x))))
(show (let ((x 2) (y 3))
        (let* ((x 7)
               (z (+ x y)))
          (* z x))))
(show (let () 'empty-bindings))
(show (let* () 5))
(show (letrec ((even? (lambda (n) (if (zero? n) #t (odd? (- n 1)))))
               (odd? (lambda (n) (if (zero? n) #f (even? (- n 1))))))
        (even? 88)))
(show (letrec* ((p (lambda (x) (+ 1 (q (- x 1)))))
                (q (lambda (y) (if (zero? y) 0 (+ 1 (p (- y 1))))))
                (x (p 5))
                (y x))
        y))
(show (let loop ((numbers '(3 -2 1 6 -5))
                 (nonneg '())
                 (neg '()))
        (cond ((null? numbers) (list nonneg neg))
              ((>= (car numbers) 0)
               (loop (cdr numbers) (cons (car numbers) nonneg) neg))
              ((< (car numbers) 0)
               (loop (cdr numbers) nonneg (cons (car numbers) neg))))))
;; The name of a named let is bound only in the body.
(define loop 'outer-loop)
(show (let loop ((i 0)) (if (< i 3) (loop (+ i 1)) i)) " " loop)
;; Closures capture each let binding separately.
(define closures
  (let collect ((i 0) (acc '()))
    (if (= i 3) (reverse acc) (collect (+ i 1) (cons (lambda () i) acc)))))
(show (map (lambda (p) (p)) closures))

;;;; do
(show (do ((vec (make-vector 5))
           (i 0 (+ i 1)))
          ((= i 5) vec)
        (vector-set! vec i i)))
(show (let ((x '(1 3 5 7 9)))
        (do ((x x (cdr x))
             (sum 0 (+ sum (car x))))
            ((null? x) sum))))
;; A do variable without a step keeps its value; the body may be empty.
(show (do ((i 0 (+ i 1)) (k 'same)) ((= i 3) (list i k))))
;; Each iteration binds fresh variables.
(show (map (lambda (p) (p))
           (do ((i 0 (+ i 1)) (ps '() (cons (lambda () i) ps)))
               ((= i 3) ps))))

;;;; cond
(show (cond ((> 3 2) 'greater)
            ((< 3 2) 'less)))
(show (cond ((> 3 3) 'greater)
            ((< 3 3) 'less)
            (else 'equal)))
(show (cond ((assv 'b '((a 1) (b 2))) => cadr)
            (else #f)))
(show (cond ((+ 1 2))))
(show (cond (#f 1) ((memq 'c '(a b c)) => length) (else 'no)))
(show (cond ((= 1 1) 'first 'second 'third)))

;;;; case
(show (case (* 2 3)
        ((2 3 5 7) 'prime)
        ((1 4 6 8 9) 'composite)))
(show (case (car '(c d))
        ((a e i o u) 'vowel)
        ((w y) 'semivowel)
        (else => (lambda (x) x))))
(show (case 5 ((5) => (lambda (x) (* x x))) (else 'no)))
(show (case #\a ((#\a #\b) 'ab) (else 'other)))
(show (case 'z ((a) 1) (else 'fallback)))
(show (case 2.0 ((2) 'exact-two) (else 'not-eqv)))
(show (case '() ((()) 'empty) (else 'other)))

;;;; and, or
(show (and (= 2 2) (> 2 1)))
(show (and (= 2 2) (< 2 1)))
(show (and 1 2 'c '(f g)))
(show (and))
(show (and #f (car 5)))
(show (or (= 2 2) (> 2 1)))
(show (or (= 2 2) (< 2 1)))
(show (or #f #f #f))
(show (or (memq 'b '(a b c)) (/ 3 0)))
(show (or))

;;;; when, unless
(when (= 1 1.0)
  (display "1")
  (display "2"))
(newline)
(unless (= 1 1.0)
  (display "1")
  (display "2"))
(unless (= 1 2) (display "unless ran"))
(newline)
(show (when #t 'a 'b))
(show (unless #f 'c 'd))

;;;; delay, delay-force, force, make-promise
(show (force (delay (+ 1 2))))
(show (let ((p (delay (+ 1 2))))
        (list (force p) (force p))))
(define integers
  (letrec ((next (lambda (n) (delay (cons n (next (+ n 1)))))))
    (next 0)))
(define (head stream) (car (force stream)))
(define (tail stream) (cdr (force stream)))
(show (head (tail (tail integers))))
(define (stream-filter p? s)
  (delay-force
    (if (null? (force s))
        (delay '())
        (let ((h (car (force s)))
              (t (cdr (force s))))
          (if (p? h)
              (delay (cons h (stream-filter p? t)))
              (stream-filter p? t))))))
(show (head (tail (tail (stream-filter odd? integers)))))
;; The promise's value is computed once, even when forcing is re-entered.
(define count 0)
(define p
  (delay (begin (set! count (+ count 1))
                (if (> count x)
                    count
                    (force p)))))
(define x 5)
(show (force p))
(show (begin (set! x 10) (force p)))
(define forced 0)
(define q (delay (begin (set! forced (+ forced 1)) 'value)))
(force q)
(force q)
(show forced)
(show (promise? (delay 1)) " " (promise? 1))
(show (force (make-promise 5)))
(show (promise? (make-promise 5)))
(show (let ((pr (delay 1))) (eq? pr (make-promise pr))))
(show (force (delay-force (delay 'df))))

;;;; parameterize (report 4.2.6)
(define radix
  (make-parameter
    10
    (lambda (x)
      (if (and (exact-integer? x) (<= 2 x 16))
          x
          (error "invalid radix")))))
(define (fmt n) (number->string n (radix)))
(show (fmt 12))
(show (parameterize ((radix 2)) (fmt 12)))
(show (fmt 12))
(show (guard (e ((error-object? e) (error-object-message e)))
        (parameterize ((radix 0)) (fmt 12))))
;; The converter also runs on the initial value.
(define doubled (make-parameter 10 (lambda (x) (* x 2))))
(show (doubled))
(show (parameterize ((doubled 3)) (doubled)))
(show (doubled))
;; Several parameters; values are computed before any binding changes.
(define pa (make-parameter 1))
(define pb (make-parameter 2))
(show (parameterize ((pa 10) (pb (pa))) (list (pa) (pb))))
;; Nested, and restored on escape.
(show (parameterize ((pa 'outer))
        (list (pa) (parameterize ((pa 'inner)) (pa)) (pa))))
(show (call-with-current-continuation
        (lambda (k) (parameterize ((pa 'escaping)) (k (pa))))))
(show (pa))
;; Re-entering a parameterize restores its binding.
(define reenter #f)
(define seen '())
(parameterize ((pa 'inside))
  (call-with-current-continuation (lambda (k) (set! reenter k)))
  (set! seen (cons (pa) seen)))
(if (< (length seen) 2) (reenter #f))
(show seen " " (pa))
;; A parameter captured by a closure is looked up dynamically.
(define (read-pa) (pa))
(show (parameterize ((pa 'dynamic)) (read-pa)))
