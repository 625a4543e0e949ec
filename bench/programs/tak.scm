;;; tak: Gabriel's Takeuchi function, (tak 18 12 6) repeated.
;;; Measures non-tail calls with three arguments and fixnum comparison.
(define (tak x y z)
  (if (not (< y x))
      z
      (tak (tak (- x 1) y z)
           (tak (- y 1) z x)
           (tak (- z 1) x y))))

(define (run n)
  (let loop ((i 0) (result #f))
    (if (= i n)
        result
        (loop (+ i 1) (tak 18 12 6)))))

(display (run 60))
(newline)
