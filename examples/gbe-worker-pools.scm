;;; Go by Example: Worker Pools. Three workers take five jobs from one
;;; channel and send results over another. Each job takes 20 ms, and the
;;; workers run concurrently, so the five take two rounds: about 40 ms,
;;; not 100. Which worker takes which job, and the order the results come
;;; in, depend on scheduling: the results are printed sorted by job.
;;;
;;;   contigo gbe-worker-pools.scm

;; A result is (job value worker).
(define (worker id jobs results)
  (for-range (j jobs)
    (sleep 20)
    (send results (list j (* j 2) id))))

(define num-jobs 5)
(define start (monotonic-ms))
(define jobs (make-chan num-jobs))
(define results (make-chan num-jobs))

(do ((w 1 (+ w 1))) ((> w 3))
  (go (worker w jobs results)))

(do ((j 1 (+ j 1))) ((> j num-jobs))
  (send jobs j))
(close-chan jobs)

(define got
  (let collect ((a 1) (got '()))
    (if (> a num-jobs)
        got
        (collect (+ a 1) (cons (recv results) got)))))
(for-each (lambda (r) (println "job" (car r) "result" (cadr r)))
          (list-sort (lambda (r s) (< (car r) (car s))) got))
(println "took at least two rounds (40ms):"
         (if (>= (- (monotonic-ms) start) 40) "true" "false"))
