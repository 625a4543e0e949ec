;;; ack: Ackermann's function, (ack 3 8) twice.
;;; Measures non-tail calls with two arguments, recursion a few thousand
;;; frames deep, and fixnum arithmetic.
(define (ack m n)
  (cond ((= m 0) (+ n 1))
        ((= n 0) (ack (- m 1) 1))
        (else (ack (- m 1) (ack m (- n 1))))))

(define (run n)
  (let loop ((i 0) (result #f))
    (if (= i n)
        result
        (loop (+ i 1) (ack 3 8)))))

(display (run 2))
(newline)
