;;; Preemption may strike at any step, including the few steps between
;;; the scheduler releasing its lock and the program using what an
;;; operation returned. Sweep the time slice (an internal of the prelude,
;;; here counted in evaluation steps) over 400 consecutive lengths, longer than a round of the operations
;;; below, so that the timer fires at every step of them in turn: each
;;; must still return its own value.
;;;
;;; This caught two bugs: select's received value was lost when a
;;; preemption came just after select returned (the requeue reset it),
;;; and an environment record marked as escaped while it sat in the
;;; evaluator's free list was reused with that mark, so the records
;;; around it were recycled while a closure still used them.

(define (show . xs) (for-each display xs) (newline))

(define wrong '())
(define (check what got expected)
  (if (not (equal? got expected))
      (set! wrong (cons (list what got expected %time-slice) wrong))))

(define buffered (make-chan 1))
(define unbuffered (make-chan))
(define done (make-chan))
;; A partner that keeps the unbuffered channel busy, then closes it.
(go (let loop ((i 0))
      (select ((send unbuffered i) (loop (+ i 1)))
              ((recv done) (close-chan unbuffered)))))

(define received 0)
(set! %slice-steps? #t)
(%set-time-slice 0)
(set! %slice-spread 0)
(do ((slice 1000 (+ slice 1))) ((> slice 1400))
  (set! %time-slice slice)
  (set-timer slice)
  (do ((i 0 (+ i 1))) ((= i 8))
    (send buffered (list slice i))
    (check "select recv, ready" (select ((recv buffered v) v)) (list slice i))
    (send buffered i)
    (check "recv" (recv buffered) i)
    (check "select recv, partner"
           (select ((recv unbuffered v) (set! received (+ received 1)) (integer? v)))
           #t)
    (check "yield" (yield) (if #f #f))))
(set! %time-slice 1000)
(set! %slice-spread 500)
(set! %slice-steps? #f)
(%set-time-slice 1000)
(close-chan done)
(for-range (x unbuffered) x)

(show "unbuffered values received: " received)
;; Each wrong result is (operation got expected slice).
(show "wrong results: " (length wrong))
(if (pair? wrong) (show "the first: " (car (reverse wrong))))
