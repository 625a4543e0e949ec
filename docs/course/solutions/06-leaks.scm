;;; Chapter 6, exercise 3: a leak detector.
;;;
;;; leaks-of runs thunk inside a nursery, so that every goroutine the call
;;; starts belongs to it. After the call and a short wait for stragglers,
;;; the goroutines that did not exist before and are blocked are the leaks.
;;; Then the detector raises a private object in the nursery: that cancels
;;; the leaked goroutines (they are blocked at a checkpoint), so the
;;; detector cleans up after itself, and the nursery can end.

(define (leaks-of thunk)
  (let ((before (map car (goroutines)))
        (stop (list 'stop))
        (found '()))
    (guard (e ((eq? e stop) found))
      (nursery
        (thunk)
        (sleep 100)
        (set! found
              (filter-map (lambda (g)
                            (and (not (memv (car g) before))
                                 (eq? (cadr g) 'blocked)
                                 (list (car g) (caddr g))))
                          (goroutines)))
        (raise stop)))))

;; The leaky procedure of section 6.2.
(define (first-answer)
  (let ((answers (make-chan)))
    (go (sleep 5) (send answers 'fast))
    (go (sleep 20) (send answers 'slow))
    (recv answers)))

;; Fixed: room for both answers, so that the slow worker can finish.
(define (first-answer/fixed)
  (let ((answers (make-chan 2)))
    (go (sleep 5) (send answers 'fast))
    (go (sleep 20) (send answers 'slow))
    (recv answers)))

(println "first-answer leaks:" (leaks-of first-answer))
(println "first-answer/fixed leaks:" (leaks-of first-answer/fixed))
;; Nothing is left behind by the detector itself.
(println "goroutines now:" (goroutines))
