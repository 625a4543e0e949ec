;;; select: recv clauses with and without a variable, send clauses, else,
;;; blocking until a clause is ready, evaluation order, and the uniform
;;; random choice among ready clauses.

(define (show . xs) (for-each display xs) (newline))
(define (message thunk)
  (guard (e ((error-object? e) (error-object-message e))) (thunk) 'no-error))

(define a (make-chan 1))
(define b (make-chan 1))

;; Nothing ready: else is taken at once.
(show (select ((recv a v) (list 'a v)) ((recv b v) (list 'b v)) (else 'nothing-ready)))

;; One ready: that one; select's value is the clause body's last value.
(send b 42)
(show (select ((recv a v) (list 'a v)) ((recv b v) 'ignored (list 'b v)) (else 'nothing)))

;; recv without a variable.
(send a 'x)
(show (select ((recv a) 'a-fired) (else 'nothing)))

;; send clauses: a full buffer is not ready, an empty one is.
(send a 1)
(show (select ((send a 2) 'sent-to-a) ((send b 3) 'sent-to-b)))
(show (recv b))
(show (recv a))

;; A closed channel is ready for recv, with the eof object.
(define closed (make-chan))
(close-chan closed)
(show (select ((recv closed v) (eof-object? v))))
;; A send clause on a closed channel raises an error when chosen.
(show (message (lambda () (select ((send closed 1) 'sent)))))

;; Without else, select blocks until a clause is ready.
(define c (make-chan))
(define d (make-chan))
(go (sleep 5) (send d 'late))
(show (select ((recv c v) (list 'c v)) ((recv d v) (list 'd v))))
;; ...for a send too: the receiver arrives later.
(go (sleep 5) (show "receiver got " (recv c)))
(show (select ((send c 'hi) 'sent-hi) ((recv d v) 'no)))
(sleep 10)

;; Only one clause fires: the other waiter is dropped. Here both channels
;; get a sender; select takes one value, the other stays for a recv.
(define e (make-chan))
(define f (make-chan))
(go (send e 'from-e))
(go (send f 'from-f))
(define first (select ((recv e v) v) ((recv f v) v)))
(define second (if (eq? first 'from-e) (recv f) (recv e)))
(show (list first second))

;; Channel and value expressions are evaluated once, in order, before
;; blocking.
(define log '())
(define (note x) (set! log (cons x log)) x)
(define g (make-chan 1))
(select ((recv (note a)) 'a)
        ((send (note g) (note 'value)) 'g)
        ((recv (note b) v) 'b))
(show (reverse (map (lambda (x) (cond ((eq? x a) 'a) ((eq? x b) 'b) ((eq? x g) 'g) (else x))) log)))
(show (recv g))

;; A select in a loop on a quit channel.
(define data (make-chan))
(define quit (make-chan))
(go (let loop ((i 0))
      (if (< i 3) (begin (send data i) (loop (+ i 1))) (close-chan quit))))
(let loop ()
  (select ((recv data v) (show "data " v) (loop))
          ((recv quit) (show "quit"))))

;; An empty select with else.
(show (select (else 'just-else)))

;; Uniform choice among ready clauses: three always-ready channels, 3000
;; selects; each count is within 3000/3 +- 150 (about six standard
;; deviations).
(define (ready-chan)
  (let ((ch (make-chan))) (close-chan ch) ch))
(define r1 (ready-chan))
(define r2 (ready-chan))
(define r3 (ready-chan))
(define counts (vector 0 0 0))
(define (bump! i) (vector-set! counts i (+ 1 (vector-ref counts i))))
(do ((i 0 (+ i 1))) ((= i 3000))
  (select ((recv r1) (bump! 0)) ((recv r2) (bump! 1)) ((recv r3) (bump! 2))))
(show (map (lambda (n) (< 850 n 1150)) (vector->list counts)))
;; Ready clauses among unready ones are chosen uniformly too (a choice
;; that started at a random clause and took the next ready one would
;; favour r2, which follows two unready clauses).
(set! counts (vector 0 0 0))
(define never (make-chan))
(do ((i 0 (+ i 1))) ((= i 3000))
  (select ((recv never) 'no) ((recv never) 'no)
          ((recv r1) (bump! 0)) ((recv never) 'no) ((recv r2) (bump! 1)) ((recv r3) (bump! 2))))
(show (map (lambda (n) (< 850 n 1150)) (vector->list counts)))
;; The choice is reproducible: the same seed gives the same choices.
(define (choices)
  (let loop ((i 0) (acc '()))
    (if (= i 20)
        acc
        (loop (+ i 1) (cons (select ((recv r1) 1) ((recv r2) 2) ((recv r3) 3)) acc)))))
(select-random-seed! 7)
(define first-run (choices))
(select-random-seed! 7)
(show (equal? first-run (choices)))
