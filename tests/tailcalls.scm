;;; Proper tail calls (report 3.5): a loop through every tail position.
;;; tailcalls.flags lowers the continuation limit to 100000 frames, so a
;;; loop that grew the continuation by even one frame per iteration would
;;; fail with "maximum recursion depth exceeded". Named let and do run
;;; 10,000,000 iterations, the others 1,000,000 (for time).

(define (show . xs) (for-each display xs) (newline))
(define big 10000000)
(define n 1000000)
(define sink #f)

(show "named let: "
      (let loop ((i 0)) (if (< i big) (loop (+ i 1)) i)))
(show "do: "
      (do ((i 0 (+ i 1))) ((= i big) i)))

;; lambda body and if (both branches)
(define (loop-if i) (if (= i 0) 'done (loop-if (- i 1))))
(define (loop-if-alt i) (if (> i 0) (loop-if-alt (- i 1)) 'done))
(show "if: " (loop-if n) " " (loop-if-alt n))

(define (loop-cond i)
  (cond ((= i 0) 'done)
        ((odd? i) (loop-cond (- i 1)))
        (else (loop-cond (- i 1)))))
(show "cond: " (loop-cond n))

(define (loop-cond=> i)
  (cond ((= i 0) 'done)
        ((- i 1) => loop-cond=>)))
(show "cond =>: " (loop-cond=> n))

(define (loop-case i)
  (case (if (= i 0) 'stop (if (odd? i) 'odd 'even))
    ((stop) 'done)
    ((odd) (loop-case (- i 1)))
    (else (loop-case (- i 1)))))
(show "case: " (loop-case n))

(define (loop-case=> i)
  (case (if (= i 0) 'stop 'go)
    ((stop) 'done)
    ((go) => (lambda (sym) (loop-case=> (- i 1))))))
(define (loop-case-else=> i)
  (case i
    ((0) 'done)
    (else => (lambda (j) (loop-case-else=> (- j 1))))))
(show "case =>: " (loop-case=> n) " " (loop-case-else=> n))

(define (loop-and i) (if (= i 0) 'done (and #t i (loop-and (- i 1)))))
(show "and: " (loop-and n))

(define (loop-or i) (or (and (= i 0) 'done) #f (loop-or (- i 1))))
(show "or: " (loop-or n))

(define (loop-when i)
  (if (= i 0) 'done (when (> i 0) (set! sink i) (loop-when (- i 1)))))
(show "when: " (loop-when n))

(define (loop-unless i)
  (if (= i 0) 'done (unless (= i 0) (set! sink i) (loop-unless (- i 1)))))
(show "unless: " (loop-unless n))

(define (loop-begin i)
  (if (= i 0) 'done (begin (set! sink i) (loop-begin (- i 1)))))
(show "begin: " (loop-begin n))

(define (loop-let i)
  (if (= i 0) 'done (let ((j (- i 1))) (set! sink j) (loop-let j))))
(show "let: " (loop-let n))

(define (loop-let* i)
  (if (= i 0) 'done (let* ((j (- i 1)) (k j)) (loop-let* k))))
(show "let*: " (loop-let* n))

(define (loop-letrec i)
  (if (= i 0) 'done (letrec ((j (- i 1))) (loop-letrec j))))
(show "letrec: " (loop-letrec n))

(define (loop-letrec* i)
  (if (= i 0) 'done (letrec* ((j (- i 1)) (k j)) (loop-letrec* k))))
(show "letrec*: " (loop-letrec* n))

;; The body of a procedure with internal definitions.
(define (loop-body i)
  (define j (- i 1))
  (if (= i 0) 'done (loop-body j)))
(show "body with defines: " (loop-body n))

;; A do whose result expression makes the tail call.
(define (loop-do-result i)
  (do ((j 0 (+ j 1)))
      ((= j 1) (if (= i 0) 'done (loop-do-result (- i 1))))))
(show "do result: " (loop-do-result n))

;; A named let inside a loop of calls.
(define (loop-named-let i)
  (let inner ((j i))
    (if (= j 0) 'done (loop-named-let (- j 1)))))
(show "named let body: " (loop-named-let n))

;; Rest arguments.
(define (loop-rest i . more)
  (if (= i 0) (list 'done (length more)) (loop-rest (- i 1) 'a 'b)))
(show "rest args: " (loop-rest n))

;; apply calls its procedure in tail position.
(define (loop-apply i)
  (if (= i 0) 'done (apply loop-apply (list (- i 1)))))
(show "apply: " (loop-apply n))

;; call/cc calls its receiver in tail position.
(define (loop-callcc i)
  (if (= i 0)
      'done
      (call-with-current-continuation (lambda (k) (loop-callcc (- i 1))))))
(show "call/cc receiver: " (loop-callcc n))

;; call-with-values calls its consumer in tail position.
(define (loop-cwv i)
  (if (= i 0) 'done (call-with-values (lambda () (- i 1)) loop-cwv)))
(show "call-with-values consumer: " (loop-cwv n))

;; Mutual recursion.
(define (my-even? i) (if (= i 0) #t (my-odd? (- i 1))))
(define (my-odd? i) (if (= i 0) #f (my-even? (- i 1))))
(show "mutual recursion: " (my-even? n) " " (my-odd? n))

;; Calls through a closure stored in a data structure.
(define table (vector #f))
(vector-set! table 0 (lambda (i) (if (= i 0) 'done ((vector-ref table 0) (- i 1)))))
(show "computed procedure: " ((vector-ref table 0) n))

;; A continuation invoked in a loop: each invocation replaces the
;; continuation instead of growing it.
(define (loop-k i)
  (let ((k #f) (count 0))
    (call-with-current-continuation (lambda (c) (set! k c)))
    (set! count (+ count 1))
    (if (< count i) (k #f) count)))
(show "re-entered continuation: " (loop-k n))

;; delay-force: forcing a chain of delay-force promises iterates
;; (report 4.2.5, the stream-filter example).
(define (loop-promise i)
  (delay-force (if (= i 0) (delay 'done) (loop-promise (- i 1)))))
(show "delay-force: " (force (loop-promise n)))

;; A loop that raises and catches an error in each iteration.
(define (loop-guard i)
  (if (= i 0)
      'done
      (loop-guard (guard (e (#t (- i 1))) (raise 'x)))))
(show "guard in loop: " (loop-guard 100000))

;; And one that runs a dynamic-wind in each iteration.
(define (loop-wind i)
  (if (= i 0)
      'done
      (loop-wind (dynamic-wind (lambda () #f) (lambda () (- i 1)) (lambda () #f)))))
(show "dynamic-wind in loop: " (loop-wind 100000))

;;; slow: 10,000,000 iterations of named let and do, 1,000,000 of the others
