;;; for-range: receive until the channel is closed, with a fresh binding
;;; of the variable on each iteration (as in Go 1.22).

(define (show . xs) (for-each display xs) (newline))

(define (numbers n)
  (let ((ch (make-chan)))
    (go (let loop ((i 0))
          (if (< i n)
              (begin (send ch i) (loop (+ i 1)))
              (close-chan ch))))
    ch))

(for-range (x (numbers 4)) (show "x = " x))

;; Fresh bindings: closures made in the body capture each value.
(define thunks '())
(for-range (x (numbers 3))
  (set! thunks (cons (lambda () x) thunks)))
(show (map (lambda (t) (t)) (reverse thunks)))

;; Goroutines started in the body see their own value.
(define results (make-chan 10))
(for-range (x (numbers 3))
  (go (send results (* x 10))))
(show (list (recv results) (recv results) (recv results)))

;; The body may define things; for-range's value is unspecified.
(for-range (x (numbers 2))
  (define y (* x x))
  (show x " squared is " y))

;; A closed, empty channel: the body never runs.
(define empty (make-chan))
(close-chan empty)
(for-range (x empty) (show "never"))
(show "empty done")

;; A buffered channel closed with values still in it: they are received.
(define b (make-chan 5))
(send b 'p)
(send b 'q)
(close-chan b)
(for-range (v b) (show v))

;; The channel expression is evaluated once.
(define evaluations 0)
(for-range (v (begin (set! evaluations (+ evaluations 1)) (numbers 3))) #t)
(show "evaluated " evaluations " time")

;; The eof object may be sent like any value; only closing ends the loop.
(define e (make-chan 3))
(send e (eof-object))
(send e 'after-eof)
(close-chan e)
(for-range (v e) (show (if (eof-object? v) "an eof object" v)))

;; Nested ranges.
(for-range (i (numbers 2))
  (for-range (j (numbers 2))
    (show i "," j)))

(show (guard (e ((error-object? e) (error-object-message e)))
        (for-range (x 'nope) x)))
