;;; Chapter 2, exercise 3: preemption for the mini scheduler.
;;;
;;; The timer interrupt calls mini-preempt every mini-time-slice steps, in
;;; the continuation of whatever was running: it yields for it. The
;;; scheduler's own procedures hold mini-lock while they change the run
;;; queue; an interrupt that finds the lock held tries again a few steps
;;; later, as the prelude's %preempt does.
;;;
;;; This file never uses the real go, so the real prelude's preemption
;;; handler is not installed and the timer is ours.

(define mini-run-queue '())
(define (mini-enqueue! k)
  (set! mini-run-queue (append mini-run-queue (list k))))
(define (mini-dequeue!)
  (let ((k (car mini-run-queue)))
    (set! mini-run-queue (cdr mini-run-queue))
    k))

;; While #t, the interrupt must not switch. A coroutine switches away with
;; the lock held; whoever is resumed releases it.
(define mini-lock #f)

(define mini-scheduler-k #f)
(define (mini-switch!)               ; called with the lock held
  (if (null? mini-run-queue)
      (mini-scheduler-k 'all-done)
      ((mini-dequeue!) #f)))

(define (mini-spawn thunk)
  (set! mini-lock #t)
  (let ((state (%fresh-dynamic-state)))
    (mini-enqueue! (lambda (ignored)
                     (set! mini-lock #f)          ; started: release
                     (%with-dynamic-state state thunk)
                     (set! mini-lock #t)          ; ended: switch
                     (mini-switch!))))
  (set! mini-lock #f))

(define (mini-yield)
  (set! mini-lock #t)
  (%call/cc-raw (lambda (k)
                  (mini-enqueue! k)
                  (mini-switch!)))
  (set! mini-lock #f))                           ; resumed: release

(define-macro (mini-go . body)
  `(mini-spawn (lambda () ,@body)))

(define mini-time-slice 1000)
(define (mini-preempt)
  (if mini-lock
      (set-timer 10)                 ; inside the scheduler: not now
      (begin
        (set-timer mini-time-slice)
        (mini-yield))))

(define (mini-run)
  (timer-interrupt-handler mini-preempt)
  (set-timer mini-time-slice)
  (let ((result (%call/cc-raw (lambda (k)
                                (set! mini-lock #t)
                                (set! mini-scheduler-k k)
                                (mini-switch!)))))
    (set! mini-lock #f)
    (set-timer 0)                    ; no more interrupts
    (timer-interrupt-handler #f)
    result))

;; The spinner of section 2.8, with mini-go.
(define flag #f)
(mini-go (let spin ()
           (if flag
               (begin (display "spinner: I saw the flag") (newline))
               (spin))))
(mini-go (display "setter: setting the flag") (newline)
         (set! flag #t))
(write (mini-run))
(newline)

;; A stress test: a time slice of a few steps, so that interrupts land
;; everywhere, also inside the scheduler. Without the lock, coroutines get
;; lost from the run queue (an interrupted mini-enqueue! writes back a
;; stale list) and the count comes out short.
;;
;; Preemption makes user code racy too: (set! finished (+ finished 1)) can
;; be interrupted between the read and the write. The lock makes it a
;; critical section.
(set! mini-time-slice 20)
(define finished 0)
(define (work n)
  (do ((i 0 (+ i 1))) ((= i n)))
  (set! mini-lock #t)
  (set! finished (+ finished 1))
  (set! mini-lock #f))
(do ((i 0 (+ i 1))) ((= i 10))
  (mini-go (work 100)))
(write (mini-run))
(newline)
(display finished)
(newline)
