;;; Synchronisation: wait groups, mutexes (SRFI 18 names), read-write
;;; mutexes, once, events, semaphores and condition variables.

(define (show . xs) (for-each display xs) (newline))

;; Wait group: wait until every worker is done.
(define wg (make-wait-group))
(define finished '())
(do ((i 1 (+ i 1))) ((> i 3))
  (wait-group-add! wg 1)
  (let ((i i))
    (go (sleep (* 3 i)) (set! finished (cons i finished)) (wait-group-done! wg))))
(wait-group-wait wg)
(show "all done: " (list-sort < finished))
(wait-group-wait wg)   ; zero: returns at once
(show (guard (e ((error-object? e) (error-object-message e))) (wait-group-done! wg)))

;; Mutex: a counter incremented by goroutines that yield while holding
;; the lock; without it, updates would be lost.
(define m (make-mutex))
(define counter 0)
(define wg2 (make-wait-group))
(wait-group-add! wg2 10)
(do ((i 0 (+ i 1))) ((= i 10))
  (go (do ((j 0 (+ j 1))) ((= j 20))
        (mutex-lock! m)
        (let ((c counter)) (yield) (set! counter (+ c 1)))
        (mutex-unlock! m))
      (wait-group-done! wg2)))
(wait-group-wait wg2)
(show "counter: " counter)
(show "try-lock: " (mutex-try-lock! m) " " (mutex-try-lock! m))
(mutex-unlock! m)
(show (guard (e ((error-object? e) (error-object-message e))) (mutex-unlock! m)))

;; Read-write mutex: readers share, a writer is alone.
(define rw (make-rw-mutex))
(define log '())
(define (note x) (set! log (cons x log)))
(nursery
  (go (rw-mutex-rlock! rw) (note 'r1-in) (sleep 10) (note 'r1-out) (rw-mutex-runlock! rw))
  (go (rw-mutex-rlock! rw) (note 'r2-in) (sleep 10) (note 'r2-out) (rw-mutex-runlock! rw))
  (go (sleep 2) (rw-mutex-lock! rw) (note 'w-in) (note 'w-out) (rw-mutex-unlock! rw)))
(show (reverse log))
(show (guard (e ((error-object? e) (error-object-message e))) (rw-mutex-unlock! rw)))

;; Once: the thunk runs once; a concurrent caller waits for it.
(define o (make-once))
(define runs 0)
(nursery
  (go (once-do o (lambda () (sleep 10) (set! runs (+ runs 1)))))
  (go (sleep 1) (once-do o (lambda () (set! runs (+ runs 100)))) (show "second caller saw runs = " runs)))
(once-do o (lambda () (set! runs (+ runs 1000))))
(show "runs: " runs)

;; Event: waiters wake when it is set; waiting on a set event returns.
(define e (make-event))
(nursery
  (go (event-wait e) (show "waiter 1 woke"))
  (go (event-wait e) (show "waiter 2 woke"))
  (sleep 5)
  (show "set? " (event-set? e))
  (event-set! e))
(event-set! e)
(event-wait e)
(show "set? " (event-set? e))

;; Semaphore: at most 2 holders at a time.
(define s (make-semaphore 2))
(define holders 0)
(define most 0)
(nursery
  (do ((i 0 (+ i 1))) ((= i 6))
    (go (semaphore-acquire! s)
        (set! holders (+ holders 1))
        (set! most (max most holders))
        (sleep 3)
        (set! holders (- holders 1))
        (semaphore-release! s))))
(show "most holders at once: " most ", value now: " (semaphore-value s))

;; Condition variable: a queue with a consumer waiting for items.
(define qm (make-mutex))
(define cv (make-condition-variable))
(define items '())
(nursery
  (go (mutex-lock! qm)
      (let loop ()
        (if (null? items)
            (begin (condition-variable-wait! cv qm) (loop))))
      (show "consumer got " items)
      (mutex-unlock! qm))
  (sleep 5)
  (mutex-lock! qm)
  (set! items '(bread))
  (condition-variable-signal! cv)
  (mutex-unlock! qm))
;; Broadcast wakes every waiter.
(define gate #f)
(nursery
  (do ((i 0 (+ i 1))) ((= i 3))
    (go (mutex-lock! qm)
        (let loop () (if (not gate) (begin (condition-variable-wait! cv qm) (loop))))
        (mutex-unlock! qm)))
  (sleep 5)
  (mutex-lock! qm)
  (set! gate #t)
  (condition-variable-broadcast! cv)
  (mutex-unlock! qm))
(show "broadcast woke all three")

;; A goroutine blocked on a mutex is cancelled like any other.
(mutex-lock! m)
(show (move-on-after 10 (mutex-lock! m) 'never))
(mutex-unlock! m)
