;;; timers: 1,000,000 pending timers (make-timer, a day away), then all
;;; stopped. For peak RSS (bench/memory.sh).
(define (make n acc) (if (= n 0) acc (make (- n 1) (cons (make-timer 86400000) acc))))
(define timers (make 1000000 '()))
(display (length timers)) (newline)
(for-each timer-stop! timers)
