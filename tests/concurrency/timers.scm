;;; sleep and after: ordering by deadline, minimum durations, and select
;;; with a timeout.

(define (show . xs) (for-each display xs) (newline))

;; Sleepers wake in deadline order; of two equal durations, the one that
;; went to sleep first wakes first.
(define done (make-chan))
(define (sleeper name ms)
  (go (sleep ms) (show name) (send done name)))
(sleeper "c 90" 90)
(sleeper "a 30" 30)
(sleeper "b 60" 60)
(sleeper "a2 30" 30)
(sleeper "zero" 0)
(do ((i 0 (+ i 1))) ((= i 5)) (recv done))

;; sleep lasts at least ms.
(define t0 (monotonic-ms))
(sleep 25)
(show "slept at least 25: " (>= (- (monotonic-ms) t0) 25))
(define t1 (monotonic-ms))
(sleep 2.5)
(show "fractional ms: " (>= (- (monotonic-ms) t1) 2))

;; (sleep 0) and negative durations do not block; they let others run.
(go (show "other ran"))
(sleep 0)
(sleep -5)
(show "after sleep 0")

;; While main sleeps, others run; the process sleeps only when all do.
(define ticks 0)
(go (let loop ((i 0)) (if (< i 3) (begin (set! ticks (+ ticks 1)) (sleep 1) (loop (+ i 1))))))
(sleep 30)
(show "ticks " ticks)

;; after: a channel that receives the clock's milliseconds once.
(define t2 (monotonic-ms))
(define ch (after 20))
(show (chan? ch) " " (chan-cap ch))
(define when (recv ch))
(show "after delivered a time >= start + 20: " (and (exact-integer? when) (>= when (+ t2 20))))
(show "and only once: " (select ((recv ch) 'again) (else 'nothing)))

;; select with a timeout: the slow producer loses.
(define slow (make-chan))
(go (sleep 200) (send slow 'too-late))
(show (select ((recv slow v) v) ((recv (after 10)) 'timeout)))
;; ...and the fast one wins.
(define fast (make-chan))
(go (sleep 5) (send fast 'in-time))
(show (select ((recv fast v) v) ((recv (after 1000)) 'timeout)))
;; The late producer still finishes (the program waits for it).
(show (recv slow))

;; A timeout in a loop: poll with else, then wait.
(define result (make-chan 1))
(go (sleep 15) (send result 'ready))
(define polls
  (let loop ((n 0))
    (select ((recv result v) n)
            (else (sleep 1) (loop (+ n 1))))))
(show "polled more than once: " (> polls 1))

;; Many sleepers: each one sleeps at least its time.
(define many 10000)
(define finished (make-chan many))
(do ((i 0 (+ i 1))) ((= i many))
  (let ((ms (modulo (* i 7919) 50)))
    (go (let ((start (monotonic-ms)))
          (sleep ms)
          (send finished (>= (monotonic-ms) (+ start ms)))))))
(define all-ok (let loop ((i 0) (ok #t)) (if (= i many) ok (loop (+ i 1) (and (recv finished) ok)))))
(show many " sleepers each slept long enough: " all-ok)

;; Many pending timers: those stopped never deliver, the others all do,
;; by deadline: of two timers, the one made first with no longer a
;; duration receives no later a time.
(define (duration i) (+ 5 (modulo (* i 7) 20)))
(define timers
  (let loop ((i 0) (acc '()))
    (if (= i 1000) (reverse acc) (loop (+ i 1) (cons (make-timer (duration i)) acc)))))
(define stopped
  (let loop ((ts timers) (i 0) (n 0))
    (cond ((null? ts) n)
          ((even? i) (timer-stop! (car ts)) (loop (cdr ts) (+ i 1) (+ n 1)))
          (else (loop (cdr ts) (+ i 1) n)))))
(sleep 60)
;; (index duration time) of each value received
(define received
  (let loop ((ts timers) (i 0) (acc '()))
    (if (null? ts)
        (reverse acc)
        (loop (cdr ts) (+ i 1)
              (select ((recv (timer-chan (car ts)) v) (cons (list i (duration i) v) acc))
                      (else acc))))))
(define (in-order? l)
  (or (null? l)
      (and (let ((a (car l)))
             (every (lambda (b) (or (> (cadr a) (cadr b)) (<= (caddr a) (caddr b)))) (cdr l)))
           (in-order? (cdr l)))))
(show "stopped " stopped ", delivered " (length received)
      ", only the running ones: " (every (lambda (r) (odd? (car r))) received)
      ", by deadline: " (in-order? received))

(show (guard (e ((error-object? e) (error-object-message e))) (sleep 'x)))
(show (guard (e ((error-object? e) (error-object-message e))) (after "1")))
