;;; Go by Example: WaitGroups, with contigo's wait group (a nursery
;;; would do the same work, and more: if one worker failed, it would
;;; cancel the others and raise the error; see nursery-failure.scm). The
;;; workers' lines would interleave in an order that depends on
;;; scheduling, so each worker writes its lines in its own slot, and the
;;; slots are printed once all are done.
;;;
;;;   contigo gbe-waitgroups.scm

(define (worker id)
  (let ((starting (string-append "Worker " (number->string id) " starting")))
    (sleep 20)
    (list starting (string-append "Worker " (number->string id) " done"))))

(define lines (make-vector 5))

(define wg (make-wait-group))
(do ((i 1 (+ i 1))) ((> i 5))
  (wait-group-add! wg 1)
  (go (vector-set! lines (- i 1) (worker i))
      (wait-group-done! wg)))
(wait-group-wait wg)

(vector-for-each (lambda (l) (for-each println l)) lines)
(println "all workers done")
