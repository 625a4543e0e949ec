;;; Go by Example: Channel Synchronization. The main program waits for a
;;; goroutine's work by receiving from a channel the goroutine sends on
;;; when it is done. (A contigo program also waits for its goroutines
;;; after its last form, as a nursery does, so here the receive is what
;;; orders the work before whatever main would do next.)
;;;
;;;   contigo gbe-channel-synchronization.scm

(define (worker done)
  (display "working...")
  (sleep 20)
  (display "done")
  (newline)

  (send done #t))

(define done (make-chan 1))
(go (worker done))

(recv done)
