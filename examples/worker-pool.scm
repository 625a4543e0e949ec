;;; Worker pool: three workers take jobs from one channel and send their
;;; results over another; main collects the results and prints them in
;;; sorted order (the order they arrive in depends on scheduling).
;;;
;;;   contigo worker-pool.scm

(define num-jobs 9)

;; A result is (job square worker).
(define (worker id jobs results)
  (for-range (j jobs)
    (send results (list j (* j j) id))))

(define jobs (make-chan num-jobs))
(define results (make-chan num-jobs))
(do ((w 1 (+ w 1))) ((> w 3))
  (go (worker w jobs results)))
(do ((j 1 (+ j 1))) ((> j num-jobs))
  (send jobs j))
(close-chan jobs)

(define squares
  (let collect ((i 0) (squares '()))
    (if (= i num-jobs)
        squares
        (collect (+ i 1) (cons (cadr (recv results)) squares)))))
(for-each (lambda (s) (display s) (newline))
          (list-sort < squares))
