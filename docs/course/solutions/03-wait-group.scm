;;; Chapter 3, exercise 1: a wait group built on park and wake.
;;;
;;; A wait group is a count and a list of parked waiters. mini-wg-wait
;;; returns at once if the count is zero, else parks; mini-wg-done! wakes
;;; every waiter when the count drops to zero.

;; The mini scheduler of section 3.1.
(define mini-run-queue '())
(define (mini-enqueue! k)
  (set! mini-run-queue (append mini-run-queue (list k))))
(define (mini-dequeue!)
  (let ((k (car mini-run-queue)))
    (set! mini-run-queue (cdr mini-run-queue))
    k))
(define mini-scheduler-k #f)
(define mini-blocked 0)
(define (mini-switch!)
  (cond ((pair? mini-run-queue) ((mini-dequeue!) #f))
        ((= mini-blocked 0) (mini-scheduler-k 'all-done))
        (else (mini-scheduler-k 'deadlock))))
(define (mini-spawn thunk)
  (let ((state (%fresh-dynamic-state)))
    (mini-enqueue! (lambda (ignored)
                     (%with-dynamic-state state thunk)
                     (mini-switch!)))))
(define-macro (mini-go . body)
  `(mini-spawn (lambda () ,@body)))
(define (mini-yield)
  (%call/cc-raw (lambda (k)
                  (mini-enqueue! k)
                  (mini-switch!))))
(define (mini-run)
  (set! mini-blocked 0)
  (%call/cc-raw (lambda (k)
                  (set! mini-scheduler-k k)
                  (mini-switch!))))
(define (mini-park! save!)
  (set! mini-blocked (+ mini-blocked 1))
  (%call/cc-raw (lambda (k)
                  (save! k)
                  (mini-switch!))))
(define (mini-wake! k v)
  (set! mini-blocked (- mini-blocked 1))
  (mini-enqueue! (lambda (ignored) (k v))))

;; The wait group: a vector #(count waiters).
(define (mini-wait-group) (vector 0 '()))
(define (mini-wg-add! wg n)
  (vector-set! wg 0 (+ (vector-ref wg 0) n)))
(define (mini-wg-done! wg)
  (mini-wg-add! wg -1)
  (if (= (vector-ref wg 0) 0)
      (let ((waiters (vector-ref wg 1)))
        (vector-set! wg 1 '())
        (for-each (lambda (k) (mini-wake! k #t)) waiters))))
(define (mini-wg-wait wg)
  (if (> (vector-ref wg 0) 0)
      (mini-park! (lambda (k)
                    (vector-set! wg 1 (append (vector-ref wg 1) (list k)))))))

(define wg (mini-wait-group))

(define (worker name steps)
  (do ((i 1 (+ i 1))) ((> i steps))
    (display name) (display " step ") (display i) (newline)
    (mini-yield))
  (display name) (display " done") (newline)
  (mini-wg-done! wg))

;; Two coroutines wait for the workers: both wake when the last is done.
(mini-go (mini-wg-wait wg) (display "waiter 1: all workers done") (newline))
(mini-go (mini-wg-wait wg) (display "waiter 2: all workers done") (newline))

(mini-wg-add! wg 3)
(mini-go (worker "a" 1))
(mini-go (worker "b" 3))
(mini-go (worker "c" 2))
(write (mini-run))
(newline)

;; Waiting on a group whose count is zero returns at once.
(mini-go (mini-wg-wait wg) (display "nothing to wait for") (newline))
(write (mini-run))
(newline)

;; A group that never reaches zero: the waiter is stuck, and mini-run
;; says so.
(mini-wg-add! wg 1)
(mini-go (mini-wg-wait wg) (display "never printed") (newline))
(write (mini-run))
(newline)
