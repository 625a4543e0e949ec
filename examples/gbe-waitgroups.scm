;;; Go by Example: WaitGroups. contigo has no wait group: a nursery does
;;; its work, and more. The nursery form ends only once every goroutine
;;; started in it has ended (and if one of them failed, it would cancel
;;; the others and raise the error: see nursery-failure.scm). The
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

(nursery
  (do ((i 1 (+ i 1))) ((> i 5))
    (go (vector-set! lines (- i 1) (worker i)))))

(vector-for-each (lambda (l) (for-each println l)) lines)
(println "all workers done")
