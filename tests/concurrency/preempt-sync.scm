;;; The synchronisation library (wait groups, events, once, mutexes,
;;; condition variables, semaphores, contexts, mailboxes) is Scheme code,
;;; and preemption may strike between any two of its steps. Sweep the
;;; time slice (counted in evaluation steps) so that it strikes at every
;;; step of each operation in turn, with several goroutines using the same
;;; object: each must keep Go's guarantees (no lost wake-up, no lost
;;; update, no thunk run twice, no false deadlock, no spurious error).
;;;
;;; This caught wait groups losing a wake-up (wait-group-wait checked the
;;; counter, was preempted, and the last wait-group-done! found no one to
;;; wake: a false "all goroutines are asleep" report).

(define (show . xs) (for-each display xs) (newline))
(define wrong '())
(define (check what got expected)
  (if (not (equal? got expected))
      (set! wrong (cons (list what got expected %time-slice) wrong))))

;; (sweep name proc): runs (proc) once per time slice from 50 steps (the
;; shortest slice the scheduler gives, %min-slice) to 250, exactly, so
;; that the timer fires at each step of it in turn.
(define (sweep name proc)
  (set! %slice-steps? #t)
  (set! %slice-spread 0)
  (do ((slice 50 (+ slice 1))) ((> slice 250))
    (set! %time-slice slice)
    (set-timer slice)
    (proc))
  (set! %time-slice 1000)
  (set! %slice-spread 500)
  (set! %slice-steps? #f)
  (%set-time-slice 1000)
  (show name ": swept"))

(define (spawn-n n thunk) (do ((i 0 (+ i 1))) ((= i n)) (go (thunk))))

(sweep "wait group"
  (lambda ()
    (let ((wg (make-wait-group)) (count 0))
      (do ((i 0 (+ i 1))) ((= i 4))
        (wait-group-add! wg 1)
        (go (set! count (+ count 1)) (wait-group-done! wg)))
      (wait-group-wait wg)
      (check "wait group" count 4))))

(sweep "event"
  (lambda ()
    (let ((e (make-event)) (wg (make-wait-group)))
      (wait-group-add! wg 3)
      (spawn-n 3 (lambda () (event-set! e) (wait-group-done! wg)))
      (event-wait e)
      (wait-group-wait wg)
      (check "event" (event-set? e) #t))))

(sweep "once"
  (lambda ()
    (let ((o (make-once)) (runs 0) (wg (make-wait-group)))
      (wait-group-add! wg 3)
      (spawn-n 3 (lambda () (once-do o (lambda () (set! runs (+ runs 1)))) (wait-group-done! wg)))
      (wait-group-wait wg)
      (check "once" runs 1))))

(sweep "mutex"
  (lambda ()
    (let ((m (make-mutex)) (n 0) (wg (make-wait-group)))
      (wait-group-add! wg 3)
      (spawn-n 3 (lambda ()
                   (do ((i 0 (+ i 1))) ((= i 3))
                     (mutex-lock! m)
                     (let ((v n)) (yield) (set! n (+ v 1)))
                     (mutex-unlock! m))
                   (wait-group-done! wg)))
      (wait-group-wait wg)
      (check "mutex" n 9))))

(sweep "condition variable"
  (lambda ()
    (let ((m (make-mutex)) (cv (make-condition-variable)) (ready 0) (wg (make-wait-group)))
      (wait-group-add! wg 2)
      (spawn-n 2 (lambda ()
                   (mutex-lock! m)
                   (let loop () (if (= ready 0) (begin (condition-variable-wait! cv m) (loop))))
                   (set! ready (- ready 1))
                   (mutex-unlock! m)
                   (wait-group-done! wg)))
      (spawn-n 2 (lambda ()
                   (mutex-lock! m)
                   (set! ready (+ ready 1))
                   (mutex-unlock! m)
                   (condition-variable-signal! cv)))
      (wait-group-wait wg)
      (check "condition variable" ready 0))))

(sweep "semaphore"
  (lambda ()
    (let ((s (make-semaphore 1)) (inside 0) (most 0) (wg (make-wait-group)))
      (wait-group-add! wg 3)
      (spawn-n 3 (lambda ()
                   (semaphore-acquire! s)
                   (set! inside (+ inside 1))
                   (set! most (max most inside))
                   (yield)
                   (set! inside (- inside 1))
                   (semaphore-release! s)
                   (wait-group-done! wg)))
      (wait-group-wait wg)
      (check "semaphore" (list most (semaphore-value s)) '(1 1)))))

(sweep "context"
  (lambda ()
    (call-with-values (lambda () (context-with-cancel (background-context)))
      (lambda (parent cancel)
        (let ((children (make-chan 2)))
          (spawn-n 2 (lambda ()
                       (call-with-values (lambda () (context-with-cancel parent))
                         (lambda (c stop) (send children c)))))
          (go (cancel))
          (let ((a (recv children)) (b (recv children)))
            (recv (context-done a))
            (recv (context-done b))
            (check "context" (list (context-err a) (context-err b))
                   '("context canceled" "context canceled"))))))))

(sweep "mailbox"
  (lambda ()
    (let* ((got '())
           (g (go (do ((i 0 (+ i 1))) ((= i 4)) (set! got (cons (goroutine-receive) got)))))
           (wg (make-wait-group)))
      (wait-group-add! wg 2)
      (spawn-n 2 (lambda () (goroutine-send g 1) (goroutine-send g 2) (wait-group-done! wg)))
      (wait-group-wait wg)
      (goroutine-wait g)
      (check "mailbox" (apply + got) 6))))

(show "wrong results: " (length wrong))
(if (pair? wrong) (show "the first: " (car (reverse wrong))))
