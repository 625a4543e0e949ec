;;; sleepers: the speed of sleeping and of timers, for bench/compare.sh
;;; (`bash bench/compare.sh --cpu OLD NEW memory/sleepers`): 10,000
;;; goroutines that each sleep 10 times for 0-2 ms; a timeout loop in
;;; Go's style that resets one timer for each of 100,000 values; and
;;; 100,000 (after ms) channels and tickers made and dropped or stopped.
(define start (current-jiffy))

(define n 10000)
(define done (make-chan n))
(do ((i 0 (+ i 1))) ((= i n))
  (go (do ((k 0 (+ k 1))) ((= k 10)) (sleep (modulo (+ i k) 3)))
      (send done 1)))
(define slept (let loop ((i 0) (sum 0)) (if (= i n) sum (loop (+ i 1) (+ sum (recv done))))))

(define values (make-chan))
(go (do ((i 0 (+ i 1))) ((= i 100000)) (send values i)) (close-chan values))
(define timeout (make-timer 60000))
(define received
  (let loop ((count 0))
    (timer-reset! timeout 60000)
    (select ((recv values v ok) (if ok (loop (+ count 1)) count))
            ((recv (timer-chan timeout)) 'timeout))))
(timer-stop! timeout)

(define made
  (let loop ((i 0) (count 0))
    (if (= i 100000)
        count
        (begin (after 60000)
               (if (= (modulo i 10) 0) (ticker-stop! (make-ticker 60000)))
               (loop (+ i 1) (+ count 1))))))

(define elapsed (/ (- (current-jiffy) start) (exact->inexact (jiffies-per-second))))
(display "sleepers ") (display slept) (display "/") (display received) (display "/") (display made) (display " ") (display elapsed) (newline)
