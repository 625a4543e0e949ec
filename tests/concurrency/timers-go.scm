;;; Go 1.23 timers and tickers: make-timer, timer-chan, timer-stop!,
;;; timer-reset!; make-ticker, ticker-chan, ticker-stop!.

(define (show . xs) (for-each display xs) (newline))

(define t (make-timer 10))
(show "timer? " (timer? t) " ticker? " (ticker? t))
(show "fires: " (exact-integer? (recv (timer-chan t))))
(show "stop after it was received: " (timer-stop! t))

;; Stopped before it fires: nothing is ever received.
(define t2 (make-timer 10))
(show "stop a pending timer: " (timer-stop! t2))
(sleep 20)
(show "after stop: " (select ((recv (timer-chan t2)) 'stale) (else 'nothing)))

;; Go 1.23: a value that fired but was not received is taken back by
;; stop and reset, so no stale value is received afterwards.
(define t3 (make-timer 5))
(sleep 15)
(show "stop an unreceived firing: " (timer-stop! t3))
(show "no stale value: " (select ((recv (timer-chan t3)) 'stale) (else 'nothing)))
(define t4 (make-timer 5))
(sleep 15)
(show "reset an unreceived firing: " (timer-reset! t4 10))
(define start (monotonic-ms))
(recv (timer-chan t4))
(show "the reset timer fired later, not at once: " (>= (- (monotonic-ms) start) 8))
(show "reset after it fired and was received: " (timer-reset! t4 5))
(show "fires again: " (exact-integer? (recv (timer-chan t4))))

;; A ticker ticks every period.
(define tk (make-ticker 5))
(define ticks (let loop ((i 0) (acc '())) (if (= i 3) acc (loop (+ i 1) (cons (recv (ticker-chan tk)) acc)))))
(show "three ticks, in order: " (apply > ticks))
;; A slow receiver loses ticks: the channel holds one.
(sleep 30)
(show "one tick waiting: " (chan-len (ticker-chan tk)))
;; Nothing is received after stop, not even a tick already waiting.
(ticker-stop! tk)
(sleep 15)
(show "after ticker-stop!: " (select ((recv (ticker-chan tk)) 'tick) (else 'nothing)))

;; A timeout loop in Go's style: reset the timer for each value.
(define values-ch (make-chan))
;; (The margins are wide, so that a loaded machine cannot make a value
;; late.)
(go (for-each (lambda (ms) (sleep ms) (send values-ch ms)) '(1 2 1 600)))
(define timeout (make-timer 300))
(let loop ()
  (select ((recv values-ch v) (show "value " v) (timer-reset! timeout 300) (loop))
          ((recv (timer-chan timeout)) (show "timed out waiting"))))

(show (guard (e ((error-object? e) (error-object-message e))) (make-timer 'x)))
(show (guard (e ((error-object? e) (error-object-message e))) (make-ticker 0)))
(show (guard (e ((error-object? e) (error-object-message e))) (timer-stop! tk)))
