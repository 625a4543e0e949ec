;;; Chapter 4, exercise 2: a deadline for a group of workers.
;;;
;;; The deadline channel is made once, before the loop, so that it bounds
;;; the whole collection, not each wait. The answers channel has room for
;;; every worker's answer, so a worker that answers after the deadline
;;; does not block forever: its send completes into the buffer and it ends.

(define workers '((w1 . 10) (w2 . 30) (w3 . 500)))   ; name . delay in ms
(define answers (make-chan (length workers)))

(for-each (lambda (w)
            (go (sleep (cdr w))
                (send answers (car w))))
          workers)

(define deadline (after 200))
(define got
  (let loop ((got '()))
    (if (= (length got) (length workers))
        (reverse got)
        (select ((recv answers name) (loop (cons name got)))
                ((recv deadline) (reverse got))))))

(println "answered:" got)
(println "missing:" (filter (lambda (name) (not (memq name got)))
                             (map car workers)))

;; The late worker is asleep, not blocked on a channel. After its sleep it
;; sends into the buffer and ends: wait for it, to show that it can.
(println "late answer:" (recv answers))
(println "buffered now:" (chan-len answers))
