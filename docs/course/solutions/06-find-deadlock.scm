;;; Chapter 6, exercise 1: find the deadlock, then fix it twice.
;;;
;;; The bug: the main program sends every job before it reads any result.
;;; Each worker takes a job, then blocks sending its result (nobody reads
;;; results yet); once all workers are so blocked, nobody takes jobs, and
;;; the main program blocks sending the next one. Everybody waits.

(define (start-workers n jobs results)
  (do ((i 0 (+ i 1))) ((= i n))
    (go (for-range (j jobs)
          (send results (* j j))))))

(define (sum-of n results)
  (let loop ((n n) (sum 0))
    (if (= n 0) sum (loop (- n 1) (+ sum (recv results))))))

(define numbers '(1 2 3 4 5 6 7 8 9 10))

;; The broken version. Its channels are global so that we can clean up
;; after the deadlock.
(define jobs (make-chan))
(define results (make-chan))
(start-workers 3 jobs results)
(guard (e ((error-object? e) (println "broken:" (error-object-message e))))
  (for-each (lambda (j) (send jobs j)) numbers)
  (close-chan jobs)
  (println "sum:" (sum-of (length numbers) results)))

;; The deadlock error woke goroutine 1 only: the three workers are still
;; blocked, each sending a result. Take their results, then close jobs so
;; that their for-range loops end.
(println "stuck workers:" (length (filter (lambda (g) (eq? (cadr g) 'blocked))
                                           (goroutines))))
(sum-of 3 results)
(close-chan jobs)
(yield)
(println "after cleaning up:" (goroutines))

;; Fix 1: send the jobs from their own goroutine, so that the main program
;; is free to read results while jobs are being sent.
(define jobs1 (make-chan))
(define results1 (make-chan))
(start-workers 3 jobs1 results1)
(go (for-each (lambda (j) (send jobs1 j)) numbers)
    (close-chan jobs1))
(println "fix 1, sum:" (sum-of (length numbers) results1))

;; Fix 2: give results room for every result, so that no worker ever
;; blocks on it.
(define jobs2 (make-chan))
(define results2 (make-chan (length numbers)))
(start-workers 3 jobs2 results2)
(for-each (lambda (j) (send jobs2 j)) numbers)
(close-chan jobs2)
(println "fix 2, sum:" (sum-of (length numbers) results2))
