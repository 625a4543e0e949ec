;;; A runaway recursion hits the continuation limit (4,000,000 frames by
;;; default) and is reported as an error instead of exhausting memory.

(define (f n) (+ 1 (f n)))
(display (f 0))
;;; error: "recursion.scm:4:(15|20): maximum recursion depth exceeded"
;;; error: "^  f at recursion.scm:4:20 \(3999999 times\)$"
;;; error: "^  <top level> at recursion.scm:5:10\n\z"
;;; slow: recurses to the default limit of 4,000,000 frames
