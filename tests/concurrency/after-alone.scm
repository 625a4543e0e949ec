;;; A timer made with after fires in a program that never spawns a
;;; goroutine: polled with select and else, and while main computes.

(define (show . xs) (for-each display xs) (newline))

(define t (after 20))
(define polls
  (let loop ((n 0))
    (select ((recv t v) n)
            (else (loop (+ n 1))))))
(show "the timer fired after polls: " (> polls 0))

;; While main computes without any channel operation, the timer's value
;; arrives in the buffer, as a Go timer's does.
(define t2 (after 5))
(define start (monotonic-ms))
(let loop () (if (< (- (monotonic-ms) start) 30) (loop)))
(show "its value waits in the buffer: " (chan-len t2))
