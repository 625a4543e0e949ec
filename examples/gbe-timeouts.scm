;;; Go by Example: Timeouts. A select between a result and (after ms)
;;; bounds how long the program waits: the first result comes after
;;; 100 ms, too late for its 20 ms timeout; the second after 20 ms, within
;;; its 200 ms. The result channels have a buffer, so that a result nobody
;;; waits for any more does not block its goroutine for good. (Unlike Go,
;;; contigo waits for that goroutine at the end of the program, as a
;;; nursery would: a goroutine blocked for good there would be reported as
;;; a deadlock.)
;;;
;;;   contigo gbe-timeouts.scm

(define c1 (make-chan 1))
(go (sleep 100)
    (send c1 "result 1"))

(select ((recv c1 res) (println res))
        ((recv (after 20)) (println "timeout 1")))

(define c2 (make-chan 1))
(go (sleep 20)
    (send c2 "result 2"))
(select ((recv c2 res) (println res))
        ((recv (after 200)) (println "timeout 2")))
