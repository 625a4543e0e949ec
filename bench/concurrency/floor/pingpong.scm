;;; pingpong, on the least scheduler call/cc allows: how fast a goroutine
;;; hand-off can be in a Scheme that builds its threads from call/cc,
;;; whatever the implementation does around it.
;;;
;;; A run queue of continuations, and unbuffered channels with one queue
;;; of waiters each; no preemption, no cancellation, no select, no
;;; deadlock detection, no trace, no goroutine records. Plain R7RS-small,
;;; so that gsi, csi, a compiler and contigo run the same code.
;;; floor.sh sets n (the round trips) by rewriting the next line.
(define n 100000)

(define (make-queue) (cons '() '()))        ; (first-cell . last-cell)
(define (queue-empty? q) (null? (car q)))
(define (enqueue! q x)
  (let ((cell (cons x '())))
    (if (null? (car q)) (set-car! q cell) (set-cdr! (cdr q) cell))
    (set-cdr! q cell)))
(define (dequeue! q)
  (let ((cell (car q)))
    (set-car! q (cdr cell))
    (car cell)))

;; The run queue holds (continuation . value to resume it with).
(define run-queue (make-queue))
(define (schedule!)
  (let ((next (dequeue! run-queue)))
    ((car next) (cdr next))))
(define (spawn! thunk)
  (call-with-current-continuation
   (lambda (k)
     (enqueue! run-queue (cons k #f))
     (thunk)
     (schedule!))))

;; A channel: a queue of blocked senders, (k . value), and one of
;; blocked receivers, k.
(define (make-chan) (vector (make-queue) (make-queue)))
(define (send ch v)
  (let ((receivers (vector-ref ch 1)))
    (if (queue-empty? receivers)
        (call-with-current-continuation
         (lambda (k)
           (enqueue! (vector-ref ch 0) (cons k v))
           (schedule!)))
        (enqueue! run-queue (cons (dequeue! receivers) v)))))
(define (recv ch)
  (let ((senders (vector-ref ch 0)))
    (if (queue-empty? senders)
        (call-with-current-continuation
         (lambda (k)
           (enqueue! (vector-ref ch 1) k)
           (schedule!)))
        (let ((s (dequeue! senders)))
          (enqueue! run-queue (cons (car s) #t))
          (cdr s)))))

;; The workload of ../pingpong.scm. The program ends when the main
;; program does, as in Go, leaving the echoing goroutine blocked.
(define ping (make-chan))
(define pong (make-chan))
(spawn! (lambda ()
          (let loop ((i 0))
            (if (< i n)
                (begin (send pong (recv ping))
                       (loop (+ i 1)))))))
(define last
  (let loop ((i 0) (last -1))
    (if (< i n)
        (begin (send ping i)
               (loop (+ i 1) (recv pong)))
        last)))
(display (+ last 1))
(newline)
