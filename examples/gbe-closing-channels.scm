;;; Go by Example: Closing Channels. The main program sends three jobs to
;;; a worker and closes the channel: once the worker has received every
;;; job, recv returns the eof object, which says that no more will come
;;; (Go's v, more := <-ch). The worker's lines and main's would interleave
;;; in an order that depends on scheduling, so the worker hands the jobs
;;; it received back to main, which prints them.
;;;
;;;   contigo gbe-closing-channels.scm

(define jobs (make-chan 5))
(define done (make-chan))

(go (let loop ((received '()))
      (let ((j (recv jobs)))
        (if (eof-object? j)
            (send done (reverse received))
            (loop (cons j received))))))

(do ((j 1 (+ j 1))) ((> j 3))
  (send jobs j)
  (println "sent job" j))
(close-chan jobs)
(println "sent all jobs")

(for-each (lambda (j) (println "worker received job" j))
          (recv done))
(println "worker received all jobs")

;; A receive on a closed and empty channel returns the eof object at once.
(println "received more jobs:" (if (eof-object? (recv jobs)) "false" "true"))
