;;; blocked: 100,000 goroutines blocked on one channel (for run.sh's
;;; memory measure: peak RSS, less that of idle.scm, per goroutine).
(define n 100000)
(define ch (make-chan))
(do ((i 0 (+ i 1))) ((= i n)) (go (recv ch)))
(yield) ; every goroutine runs and blocks
(display "blocked ") (display (- (goroutine-count) 1)) (newline) ; runtime.NumGoroutine()
(exit 0) ; as when Go's main returns: do not wait for them
