;;; Chapter 3, exercise 2: a pipeline of goroutines.
;;;
;;;   numbers --> square --> keep-odd --> main
;;;
;;; Each stage ranges over its input, and closes its output when the input
;;; is closed, so that the end of the numbers flows down the pipeline and
;;; every for-range ends.

;; A stage: a goroutine that applies f to each value of in and sends the
;; results, if keep? says so, on a new channel, which it returns.
(define (stage in f keep?)
  (let ((out (make-chan)))
    (go (for-range (x in)
          (let ((y (f x)))
            (if (keep? y) (send out y))))
        (close-chan out))
    out))

(define (numbers from to)
  (let ((out (make-chan)))
    (go (do ((i from (+ i 1))) ((> i to))
          (send out i))
        (close-chan out))
    out))

(define (always x) #t)

(define results
  (stage (stage (numbers 1 10) (lambda (x) (* x x)) always)
         (lambda (x) x)
         odd?))

;; The main program is the last stage. When it has seen the end of the
;; results, every goroutine of the pipeline has closed its output and is
;; finished (or about to finish).
(for-range (x results)
  (display x)
  (newline))
(display "pipeline closed")
(newline)
