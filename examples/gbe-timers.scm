;;; Go by Example: Timers. A timer delivers the time on its channel once,
;;; after a delay, unless it is stopped first. Timer 2 is stopped before
;;; it fires, so the goroutine waiting for it never prints.
;;;
;;; The prelude has (after ms), a timer that cannot be stopped; here a
;;; stoppable one is built from it, a goroutine and three channels.
;;; Unlike Go's Stop, timer-stop! closes the timer's channel: a contigo
;;; program waits for all its goroutines at the end, and a goroutine left
;;; waiting for a stopped timer for good would be a deadlock. Closed, the
;;; channel wakes it with the eof object.
;;;
;;;   contigo gbe-timers.scm

;; (make-timer ms) returns a timer; (timer-c t) receives the clock's
;; milliseconds once, ms from now, unless (timer-stop! t) comes first.
;; The timer's goroutine and timer-stop! may both try to end the timer at
;; about the same time: the one that takes the single value out of token
;; wins. (A test of a variable followed by a set! would not do: the
;; goroutine could be preempted between the two.)
(define (make-timer ms)
  (let ((c (make-chan 1))
        (token (make-chan 1))
        (stopped (make-chan)))
    (send token #t)
    (go (select ((recv (after ms) now)
                 (select ((recv token) (send c now))
                         (else #f)))
                ((recv stopped))))
    (list c token stopped)))
(define (timer-c t) (car t))
;; (timer-stop! t) returns #t if it stopped the timer, #f if the timer had
;; already fired or been stopped.
(define (timer-stop! t)
  (select ((recv (cadr t))
           (close-chan (caddr t))
           (close-chan (car t))
           #t)
          (else #f)))

(define timer1 (make-timer 20))
(recv (timer-c timer1))
(println "Timer 1 fired")

(define timer2 (make-timer 50))
(go (if (not (eof-object? (recv (timer-c timer2))))
        (println "Timer 2 fired")))
(define stop2 (timer-stop! timer2))
(if stop2
    (println "Timer 2 stopped"))

;; Give timer 2 the time to fire, if it were going to.
(sleep 100)

;; Stopping a timer that has fired (or was stopped) does nothing.
(println "Timer 1 stopped after it fired:" (if (timer-stop! timer1) "true" "false"))
