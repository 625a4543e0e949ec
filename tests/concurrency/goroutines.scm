;;; Goroutines: go and spawn, ids, current-goroutine, yield and the order
;;; in which runnable goroutines run (first in, first out, as in Go's
;;; local run queue).

(define (show . xs) (for-each display xs) (newline))

;; The main program is goroutine 1.
(show (goroutine-id (current-goroutine)))
(show (goroutine? (current-goroutine)) " " (goroutine? 1) " " (goroutine? (make-chan)))

;; go returns the new goroutine, which runs later: the creator goes on.
(define g (go (show "in g, id " (goroutine-id (current-goroutine)))))
(show "created " (goroutine-id g) " " (goroutine? g))
(write g) (newline)
(yield)
(show "after yield")

;; spawn is the procedure behind go.
(define h (spawn (lambda () (show "in h"))))
(show "h is " (goroutine-id h))
(yield)

;; Ids count up; the body runs in go's lexical scope.
(define (start-worker name)
  (let ((greeting (string-append "hello from " name)))
    (go (show greeting " as " (goroutine-id (current-goroutine))))))
(start-worker "a")
(start-worker "b")
(yield)

;; yield: runnable goroutines take turns in FIFO order.
(define (ping-pong name n)
  (go (let loop ((i 0))
        (if (< i n)
            (begin (show name i) (yield) (loop (+ i 1)))))))
(ping-pong "x" 3)
(ping-pong "y" 3)
(let loop ((i 0)) (if (< i 4) (begin (yield) (loop (+ i 1)))))
(show "main done yielding")

;; yield with nothing else to run returns at once.
(yield)
(show "alone")

;; Errors.
(show (guard (e ((error-object? e) (error-object-message e))) (spawn 5)))
(show (guard (e ((error-object? e) (error-object-message e))) (goroutine-id 'x)))
