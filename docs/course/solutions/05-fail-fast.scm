;;; Chapter 5, exercise 1: fail fast.
;;;
;;; parallel-map runs f on every element in its own goroutine, inside a
;;; nursery. When one call fails, the nursery cancels the others at their
;;; next checkpoint (here, their sleep); their dynamic-wind after thunks
;;; run; and the nursery raises the error, which leaves parallel-map.

(define (parallel-map f lst)
  (let ((cells (map (lambda (x) (make-chan 1)) lst)))
    (nursery
      (for-each (lambda (x cell) (go (send cell (f x))))
                lst cells))
    (map recv cells)))

;; Squares n slowly (n * 50 ms), and cannot square 3. The after thunk
;; says whether the call finished or was abandoned.
(define (slow-square n)
  (let ((finished #f))
    (dynamic-wind
      (lambda () #f)
      (lambda ()
        (sleep (* n 50))
        (if (= n 3) (error "cannot square" n))
        (set! finished #t)
        (* n n))
      (lambda ()
        (println (if finished "finished" "abandoned") n)))))

(define start (monotonic-ms))
(guard (e ((error-object? e)
           (println "parallel-map failed:" (error-object-message e)
                    (error-object-irritants e))))
  (parallel-map slow-square '(1 2 3 4 5)))
;; 5 would have taken 250 ms: it was stopped when 3 failed, at 150 ms.
(println "stopped early:" (< (- (monotonic-ms) start) 250))

;; Without a failure, the results come back in order.
(println (parallel-map slow-square '(5 4 2 1)))
