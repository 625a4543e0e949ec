;;; Chapter 2, exercise 2: who am I?
;;;
;;; The run queue holds (name . continuation) pairs, and mini-current holds
;;; the name of the running coroutine: mini-switch! sets it before it
;;; resumes one. That is what the prelude's %current does.

(define mini-run-queue '())
(define (mini-enqueue! entry)
  (set! mini-run-queue (append mini-run-queue (list entry))))
(define (mini-dequeue!)
  (let ((entry (car mini-run-queue)))
    (set! mini-run-queue (cdr mini-run-queue))
    entry))

(define mini-current 'main)          ; the name of the running coroutine
(define (mini-self) mini-current)

(define mini-scheduler-k #f)
(define (mini-switch!)
  (if (null? mini-run-queue)
      (begin (set! mini-current 'main)
             (mini-scheduler-k 'all-done))
      (let ((entry (mini-dequeue!)))
        (set! mini-current (car entry))
        ((cdr entry) #f))))

(define (mini-spawn-named name thunk)
  (mini-enqueue! (cons name
                       (lambda (ignored)
                         (thunk)
                         (mini-switch!)))))

;; Yielding re-queues the running coroutine under its own name.
(define (mini-yield)
  (%call/cc-raw (lambda (k)
                  (mini-enqueue! (cons mini-current k))
                  (mini-switch!))))

(define (mini-run)
  (%call/cc-raw (lambda (k)
                  (set! mini-scheduler-k k)
                  (mini-switch!))))

(define-macro (mini-go-named name . body)
  `(mini-spawn-named ,name (lambda () ,@body)))

(mini-go-named 'alice (display (mini-self)) (mini-yield) (display (mini-self)))
(mini-go-named 'bob   (display (mini-self)) (mini-yield) (display (mini-self)))
(mini-run)
(newline)

;; A coroutine started by another one gets its own name.
(mini-go-named 'parent
  (mini-go-named 'child (display "child says ") (display (mini-self)) (newline))
  (mini-yield)
  (display "parent says ") (display (mini-self)) (newline))
(mini-run)
(display "after the run: ") (display (mini-self)) (newline)
