;;; pingpong: round trips over two unbuffered channels. Prints the
;;; workload's result and its time in seconds (measured inside, without
;;; start-up).
(define n 100000)
(define ping (make-chan))
(define pong (make-chan))
(go (let loop ((i 0))
      (if (< i n)
          (begin (send pong (recv ping))
                 (loop (+ i 1))))))
(define start (current-jiffy))
(define last
  (let loop ((i 0) (last #f))
    (if (< i n)
        (begin (send ping i)
               (loop (+ i 1) (recv pong)))
        last)))
(define elapsed (/ (- (current-jiffy) start) (exact->inexact (jiffies-per-second))))
(display "pingpong ") (display (+ last 1)) (display " ") (display elapsed) (newline)
