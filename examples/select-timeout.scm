;;; Select with a timeout (after) and with a default (else) clause.
;;;
;;;   contigo select-timeout.scm

;; The result comes after 200 ms: the 50 ms timeout wins. (The channel has
;; room for the late result, so its sender never blocks.)
(define c1 (make-chan 1))
(go (sleep 200)
    (send c1 "result 1"))
(select ((recv c1 res) (println res))
        ((recv (after 50)) (println "timeout 1")))

;; The result comes after 10 ms: it beats the 500 ms timeout.
(define c2 (make-chan 1))
(go (sleep 10)
    (send c2 "result 2"))
(select ((recv c2 res) (println res))
        ((recv (after 500)) (println "timeout 2")))

;; An else clause: nothing is ready, so it is taken at once.
(define messages (make-chan))
(select ((recv messages msg) (println "received" msg))
        (else (println "no message received")))
;; A send with an else: nobody receives.
(select ((send messages "hi") (println "sent message"))
        (else (println "no message sent")))
