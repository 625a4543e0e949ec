;;; The recursion limit raises an ordinary error, which guard can catch;
;;; the program then carries on normally.

(define (f n) (+ 1 (f n)))

(define (prefix? p s)
  (and (<= (string-length p) (string-length s))
       (string=? p (substring s 0 (string-length p)))))

(guard (e ((and (error-object? e)
                (prefix? "maximum recursion depth exceeded"
                         (error-object-message e)))
           (display "caught")
           (newline)))
  (f 0))

(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
(display (count 100000))
(newline)

;;; slow: recurses to the default limit of 4,000,000 frames
