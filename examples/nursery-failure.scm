;;; A failing child cancels its sibling: the nursery cancels the other
;;; goroutines (their dynamic-wind after thunks run), waits for them, and
;;; raises the error again.
;;;
;;;   contigo nursery-failure.scm

(define (sibling)
  (println "sibling: started")
  (dynamic-wind
    (lambda () #f)
    (lambda ()
      (sleep 1000)
      (println "sibling: finished"))
    (lambda () (println "sibling: cleaned up"))))

(define (child)
  (sleep 10)
  (println "child: failing")
  (error "child failed"))

(guard (e ((error-object? e)
           (println "nursery failed:" (error-object-message e))))
  (nursery
    (go (sibling))
    (go (child))))
(println "done")
