;;; chans: 1,000,000 channels of capacity 1, the part of after.scm and
;;; timers.scm that is not the timers'. For peak RSS (bench/memory.sh).
(define (make n acc) (if (= n 0) acc (make (- n 1) (cons (make-chan 1) acc))))
(define chans (make 1000000 '()))
(display (length chans)) (newline)
