;;; spawn: 100,000 goroutines that each send one value; main receives
;;; and sums them.
(define n 100000)
(define ch (make-chan))
(define start (current-jiffy))
(do ((i 0 (+ i 1))) ((= i n))
  (go (send ch i)))
(define sum
  (let loop ((i 0) (sum 0))
    (if (< i n) (loop (+ i 1) (+ sum (recv ch))) sum)))
(define elapsed (/ (- (current-jiffy) start) (exact->inexact (jiffies-per-second))))
(display "spawn ") (display sum) (display " ") (display elapsed) (newline)
