;;; deep: non-tail recursion one million frames deep, done a few times.
;;; Measures deep control stacks (stack growth / segmented stacks / overflow
;;; handling), not just call speed.
(define (count n)
  (if (= n 0)
      0
      (+ 1 (count (- n 1)))))

(define (run n)
  (let loop ((i 0) (result #f))
    (if (= i n)
        result
        (loop (+ i 1) (count 1000000)))))

(display (run 2))
(newline)
