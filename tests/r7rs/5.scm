;;; Report chapter 5: program structure (imports, definitions,
;;; define-values, syntax and record-type definitions, libraries), and
;;; inclusion (4.1.7).
;;; Expected output (.out) is written from the report, not from contigo.

;;;; 5.2 Import declarations

(import (scheme base)
        (scheme write)
        (only (scheme char) char-upcase)
        (prefix (scheme cxr) c:)
        (rename (scheme base) (car first-of))
        (except (scheme lazy) force)
        (scheme eval)
        (scheme repl))

(define (p x) (write x) (newline))
(define (err thunk)
  (call-with-current-continuation
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k (if (error-object? e) (error-object-message e) (list 'raised e))))
        thunk))))
;; Whether name is unbound (or not a variable) in the program.
(define (unbound? name)
  (guard (e (#t #t))
    (eval name (interaction-environment))
    #f))
(define (fails? thunk)
  (guard (e (#t #t))
    (thunk)
    #f))

(p (char-upcase #\a))
(p (c:caddr '(1 2 3)))
(p (first-of '(1 2)))
;; A core special form imported under another name.
(import (prefix (only (scheme base) if define) core:))
(core:define core-x (core:if #t 'yes 'no))
(p core-x)

;;;; 5.3 Variable definitions

(define add3 (lambda (x) (+ x 3)))
(p (add3 3))
(define first car)
(p (first '(1 2)))
(p (let ((x 5))
     (define foo (lambda (y) (bar x y)))
     (define bar (lambda (a b) (+ (* a b) a)))
     (foo (+ x 3))))

;;;; 5.3.3 Multiple-value definitions

(define-values (x y) (exact-integer-sqrt 17))
(p (list x y))
(p (let () (define-values (x y) (values 1 2)) (+ x y)))
(define-values (a . b) (values 1 2 3))
(p (list a b))
(define-values all (values 4 5))
(p all)
(define-values () (values))
;; The expression is evaluated before the variables are defined.
(define-values (x y) (values y x))
(p (list x y))
(define (dv)
  (define-values (q r) (floor/ 17 5))
  (define s (+ q r))
  (list q r s))
(p (dv))
(p (err (lambda () (define-values (m n) (values 1)) m)))

;;;; 5.4 Syntax definitions

(p (let ((x 1) (y 2))
     (define-syntax swap!
       (syntax-rules ()
         ((swap! a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
     (swap! x y)
     (list x y)))

;;;; 5.5 Record-type definitions

(define-record-type <pare>
  (kons x y)
  pare?
  (x kar set-kar!)
  (y kdr))
(p (pare? (kons 1 2)))
(p (pare? (cons 1 2)))
(p (kar (kons 1 2)))
(p (kdr (kons 1 2)))
(p (let ((k (kons 1 2))) (set-kar! k 3) (kar k)))
(p (kons 1 2))
(p <pare>)
(p (map pare? (list 1 "s" 'sym (vector) (kons 1 2))))
(p (let ((k (kons 1 2))) (list (eqv? k k) (eqv? k (kons 1 2)) (equal? k (kons 1 2)))))
;; define-record-type is generative.
(define (make-type)
  (define-record-type thing (make-thing) thing?)
  (cons make-thing thing?))
(p (let ((t1 (make-type)) (t2 (make-type)))
     (list ((cdr t1) ((car t1))) ((cdr t1) ((car t2))))))
;; A constructor may take a subset of the fields, in any order.
(define-record-type node
  (make-node right left)
  node?
  (left node-left)
  (right node-right set-node-right!)
  (mark node-mark set-node-mark!))
(define n (make-node 'r 'l))
(p (list (node-left n) (node-right n)))
(set-node-mark! n 'seen)
(set-node-right! n 'r2)
(p (list (node-right n) (node-mark n)))
(p (err (lambda () (kar n))))
(p (err (lambda () (set-kar! n 1))))
(p (err (lambda () (kons 1))))
(p (let ()
     (define-record-type point (make-point x y) point? (x point-x) (y point-y set-point-y!))
     (let ((pt (make-point 3 4)))
       (set-point-y! pt 5)
       (list (point? pt) (point-x pt) (point-y pt)))))

;;;; 5.6 Libraries: the report's example (5.6.2), on a smaller grid

(define-library (example grid)
  (export make rows cols ref each
          (rename put! set!))
  (import (scheme base))
  (begin
    ;; Create an NxM grid.
    (define (make n m)
      (let ((grid (make-vector n)))
        (do ((i 0 (+ i 1)))
            ((= i n) grid)
          (let ((v (make-vector m #false)))
            (vector-set! grid i v)))))
    (define (rows grid)
      (vector-length grid))
    (define (cols grid)
      (vector-length (vector-ref grid 0)))
    ;; Return #false if out of range.
    (define (ref grid n m)
      (and (< -1 n (rows grid))
           (< -1 m (cols grid))
           (vector-ref (vector-ref grid n) m)))
    (define (put! grid n m v)
      (vector-set! (vector-ref grid n) m v))
    (define (each grid proc)
      (do ((j 0 (+ j 1)))
          ((= j (rows grid)))
        (do ((k 0 (+ k 1)))
            ((= k (cols grid)))
          (proc j k (ref grid j k)))))))

(define-library (example life)
  (export life)
  (import (except (scheme base) set!)
          (scheme write)
          (example grid))
  (begin
    (define (life-count grid i j)
      (define (count i j)
        (if (ref grid i j) 1 0))
      (+ (count (- i 1) (- j 1))
         (count (- i 1) j)
         (count (- i 1) (+ j 1))
         (count i (- j 1))
         (count i (+ j 1))
         (count (+ i 1) (- j 1))
         (count (+ i 1) j)
         (count (+ i 1) (+ j 1))))
    (define (life-alive? grid i j)
      (case (life-count grid i j)
        ((3) #true)
        ((2) (ref grid i j))
        (else #false)))
    (define (life-print grid)
      (display "--")
      (newline)
      (each grid
        (lambda (i j v)
          (display (if v "*" "."))
          (when (= j (- (cols grid) 1))
            (newline)))))
    (define (life grid iterations)
      (do ((i 0 (+ i 1))
           (grid0 grid grid1)
           (grid1 (make (rows grid) (cols grid))
                  grid0))
          ((= i iterations))
        (each grid0
          (lambda (j k v)
            (let ((a (life-alive? grid0 j k)))
              (set! grid1 j k a))))
        (life-print grid1)))))

;; Main program.
(import (scheme base)
        (only (example life) life)
        (rename (prefix (example grid) grid-)
                (grid-make make-grid)))
;; Initialize a grid with a glider.
(define grid (make-grid 5 5))
(grid-set! grid 1 1 #true)
(grid-set! grid 2 2 #true)
(grid-set! grid 3 0 #true)
(grid-set! grid 3 1 #true)
(grid-set! grid 3 2 #true)
(life grid 2)
;; (example life) imported put! as set!, but only for itself.
(define z 1)
(set! z 2)
(p z)
(p (map unbound? '(rows make life-count life-alive? put! grid-put! grid-make)))
(p (map unbound? '(grid-rows grid-cols grid-ref grid-each grid-set! make-grid life)))

;;;; 5.6 Libraries in files, found relative to the program

(import (lib stack) (prefix (lib shapes) sh:))
(define s (make-stack))
(push! s 1)
(push! s 2)
(p (size s))
(p (pop! s))
(push-twice! s 'x)
(p (size s))
(pushing s 'a 'b)
(p (size s))
(p (stack? s))
;; Names a library does not export stay hidden.
(p (map unbound? '(twice push-one! stack-size stack-items %make-stack)))
(p (sh:area (sh:square 3)))
;; (lib shapes) redefines square for itself only.
(p (square 3))
(p (list sh:dialect sh:has-stack))
(p (list (sh:count!) (sh:count!)))
;; An import shares the library's binding.
(p sh:counter)
(p (sh:collect 1 2 3))
;; (lib shapes) displays through (lib loud)'s display; the program's is
;; the standard one.
(sh:announce "hello")
(display "quiet")
(newline)
(p (map unbound? '(stack-push! sh:stack? loud-display sh:display)))
;; A library is loaded once, however many times it is imported.
(import (only (lib shapes) count!))
(p (count!))
(p (fails? (lambda () (eval '(import (lib no-such-library)) (interaction-environment)))))
(p (fails? (lambda () (eval '(import (only (lib stack) no-such-name)) (interaction-environment)))))
(p (fails? (lambda () (eval '(import (lib cycle-a)) (interaction-environment)))))
(p (fails? (lambda () (eval '(import (scheme no-such-library)) (interaction-environment)))))

;;;; 4.1.7 Inclusion

(include "lib/inc-defs.scm")
(p (list inc-a (inc-f 1) inc-b))
(include-ci "lib/INC-CI.scm")
(p inc-shout)
(p (let () (include "lib/inc-defs.scm") (set! inc-a 100) (list inc-a (inc-f 1) inc-b)))
(p inc-a)
(p (let ((v (include "lib/inc-value.scm"))) v))
(p (fails? (lambda () (eval '(include "lib/no-such-file.scm") (interaction-environment)))))
