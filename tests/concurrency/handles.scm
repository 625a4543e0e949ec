;;; Goroutine handles, as Racket's threads: goroutine-wait,
;;; goroutine-dead?, goroutine-kill!, and unbounded mailboxes
;;; (goroutine-send, goroutine-receive).

(define (show . xs) (for-each display xs) (newline))

(define g (go (sleep 10) (show "g finished")))
(show "dead? " (goroutine-dead? g))
(goroutine-wait g)
(show "dead? " (goroutine-dead? g))
(goroutine-wait g)   ; already dead: returns at once

;; Kill: the goroutine's after thunks run; its nursery does not fail.
(show (nursery
        (define k (go (dynamic-wind (lambda () #f)
                                    (lambda () (sleep 100000))
                                    (lambda () (show "killed goroutine's after thunk")))))
        (sleep 1)
        (goroutine-kill! k)
        (goroutine-wait k)
        (list 'killed (goroutine-dead? k))))
;; A spinning goroutine is killed too (at a preemption).
(define spinner (go (let loop () (loop))))
(sleep 1)
(goroutine-kill! spinner)
(goroutine-wait spinner)
(show "spinner dead: " (goroutine-dead? spinner))

;; Mailboxes: unbounded, in order; receive waits for a value.
(define echo
  (go (let loop ()
        (let ((msg (goroutine-receive)))
          (if (not (eq? (car msg) 'stop))
              (begin (goroutine-send (car msg) (list 'echo (cdr msg))) (loop)))))))
(goroutine-send echo (cons (current-goroutine) 1))
(goroutine-send echo (cons (current-goroutine) 2))
(show (goroutine-receive))
(show (goroutine-receive))
(goroutine-send echo (list 'stop))
(goroutine-wait echo)
(show "echo ended: " (goroutine-dead? echo))
;; Many values, never blocking the sender.
(define sink (go (let loop ((n 0) (sum 0))
                   (if (= n 1000) (show "sum " sum)
                       (loop (+ n 1) (+ sum (goroutine-receive)))))))
(do ((i 0 (+ i 1))) ((= i 1000)) (goroutine-send sink i))
(goroutine-wait sink)

(show (guard (e ((error-object? e) (error-object-message e))) (goroutine-kill! (current-goroutine))))
(show (guard (e ((error-object? e) (error-object-message e))) (goroutine-wait 'x)))
(show (guard (e ((error-object? e) (error-object-message e))) (goroutine-wait (current-goroutine))))
