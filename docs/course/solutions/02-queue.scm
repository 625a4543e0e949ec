;;; Chapter 2, exercise 1: an O(1) run queue for the mini scheduler.
;;;
;;; The queue is a pair (front . back): front is the list of queued items,
;;; back its last pair. Enqueue appends by changing the last pair's cdr;
;;; dequeue takes the front. Both take constant time.

(define (make-mini-queue) (cons '() '()))
(define (mini-queue-empty? q) (null? (car q)))
(define (mini-queue-push! q x)
  (let ((cell (list x)))
    (if (null? (car q))
        (set-car! q cell)            ; the only item: it is the front
        (set-cdr! (cdr q) cell))     ; else link it after the last pair
    (set-cdr! q cell)))              ; either way it is the new back
(define (mini-queue-pop! q)
  (let ((x (car (car q))))
    (set-car! q (cdr (car q)))
    x))

;; The mini scheduler of section 2.2, on the new queue.
(define mini-run-queue (make-mini-queue))
(define (mini-enqueue! k) (mini-queue-push! mini-run-queue k))
(define (mini-dequeue!) (mini-queue-pop! mini-run-queue))

(define mini-scheduler-k #f)
(define (mini-switch!)
  (if (mini-queue-empty? mini-run-queue)
      (mini-scheduler-k 'all-done)
      ((mini-dequeue!) #f)))
(define (mini-spawn thunk)
  (mini-enqueue! (lambda (ignored)
                   (thunk)
                   (mini-switch!))))
(define (mini-yield)
  (call/cc (lambda (k)
             (mini-enqueue! k)
             (mini-switch!))))
(define (mini-run)
  (call/cc (lambda (k)
             (set! mini-scheduler-k k)
             (mini-switch!))))

(define (counter name n)
  (do ((i 1 (+ i 1))) ((> i n))
    (display name) (display i) (newline)
    (mini-yield)))

(mini-spawn (lambda () (counter "a" 3)))
(mini-spawn (lambda () (counter "b" 2)))
(write (mini-run))
(newline)

;; The queue empties and fills again correctly: a second run.
(mini-spawn (lambda () (counter "c" 1)))
(write (mini-run))
(newline)
