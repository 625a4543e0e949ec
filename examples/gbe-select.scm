;;; Go by Example: Select. The main program waits on two channels at once
;;; and takes each value as it arrives: "one" after 10 ms, "two" after
;;; 80 ms. The two goroutines sleep concurrently, so the whole takes about
;;; 80 ms, not 90.
;;;
;;; (There is no Trio version: Trio has no select, on purpose. Its answer
;;; is to have both producers send into one channel, each with a clone of
;;; its send end, which is a different program.)
;;;
;;;   contigo gbe-select.scm

(define start (monotonic-ms))
(define c1 (make-chan))
(define c2 (make-chan))

(go (sleep 10)
    (send c1 "one"))
(go (sleep 80)
    (send c2 "two"))

(do ((i 0 (+ i 1))) ((= i 2))
  (select ((recv c1 msg1) (println "received" msg1))
          ((recv c2 msg2) (println "received" msg2))))
(println "took at least 80ms:" (if (>= (- (monotonic-ms) start) 80) "true" "false"))
