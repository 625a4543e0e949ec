;;; after: 1,000,000 (after ms) channels pending at once (a day away),
;;; kept in a list, then the program ends. For peak RSS (bench/memory.sh).
(define (make n acc) (if (= n 0) acc (make (- n 1) (cons (after 86400000) acc))))
(define chans (make 1000000 '()))
(display (length chans)) (newline)
