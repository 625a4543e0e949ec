;;; sleep and after take a finite real number of milliseconds: anything
;;; else is a clear error raised before the scheduler is touched, so
;;; goroutines and timers keep working after it is caught.

(define (try label thunk)
  (display label)
  (display ": ")
  (guard (e ((error-object? e) (display (error-object-message e)) (newline)))
    (thunk)
    (display "ok")
    (newline)))

(try "sleep +inf.0" (lambda () (sleep +inf.0)))
(try "sleep +nan.0" (lambda () (sleep +nan.0)))
(try "sleep symbol" (lambda () (sleep 'soon)))
(try "after +nan.0" (lambda () (after +nan.0)))
(try "after +inf.0" (lambda () (after +inf.0)))
(try "after string" (lambda () (after "10")))
(try "sleep -inf.0" (lambda () (sleep -inf.0)))
(try "sleep -5" (lambda () (sleep -5)))
(try "os-sleep +nan.0" (lambda () (os-sleep +nan.0)))
(try "os-sleep -1" (lambda () (os-sleep -1)))
;; The scheduler still runs goroutines and timers.
(define ch (make-chan))
(go (sleep 5) (send ch 'child))
(try "recv" (lambda () (display (recv ch)) (display " ")))
(try "after 1" (lambda () (recv (after 1))))
(try "sleep 1" (lambda () (sleep 1)))
