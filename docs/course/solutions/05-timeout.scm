;;; Chapter 5, exercise 2: with-timeout, Trio's move_on_after.
;;;
;;; The work runs in an inner nursery, so that with-timeout also waits for
;;; (and times out) the goroutines the work starts. Beside it, in the outer
;;; nursery, a watchdog goroutine waits for whichever comes first: the
;;; timeout, or the news that the work is done. On timeout it raises a
;;; private object in the outer nursery: that cancels everything in it,
;;; inner nursery included, and the outer nursery raises the object again
;;; once all has ended; the guard turns it into (on-timeout). When the work
;;; is done in time, closing `done` lets the watchdog end at once, so
;;; with-timeout does not wait for the timer.

(define (with-timeout ms thunk on-timeout)
  (let ((timeout (list 'timeout))      ; unique: nobody else can raise it
        (done (make-chan)))
    (guard (e ((eq? e timeout) (on-timeout)))
      (nursery
        (go (select ((recv (after ms)) (raise timeout))
                    ((recv done) 'work-finished)))
        (let ((result (nursery (thunk))))
          (close-chan done)
          result)))))

(define (elapsed-since start) (- (monotonic-ms) start))

;; In time: the result, at once.
(define start (monotonic-ms))
(println (with-timeout 200
                       (lambda () (sleep 10) 'fast-result)
                       (lambda () 'timed-out)))
(println "returned before the timeout:" (< (elapsed-since start) 200))

;; Too slow: cancelled.
(set! start (monotonic-ms))
(println (with-timeout 50
                       (lambda () (sleep 2000) 'slow-result)
                       (lambda () 'timed-out)))
(println "did not wait for the work:" (< (elapsed-since start) 2000))

;; Goroutines started by the work are covered too, and clean up.
(set! start (monotonic-ms))
(println (with-timeout 50
                       (lambda ()
                         (go (dynamic-wind
                               (lambda () #f)
                               (lambda () (sleep 2000) (println "never printed"))
                               (lambda () (println "worker: cleaned up"))))
                         'body-returned)
                       (lambda () 'timed-out)))
(println "did not wait for the worker:" (< (elapsed-since start) 2000))

;; An error in the work is not a timeout: it goes through.
(println (guard (e ((error-object? e) (error-object-message e)))
           (with-timeout 100 (lambda () (error "the work failed")) (lambda () 'timed-out))))
