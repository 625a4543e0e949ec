;;; Go by Example: Non-Blocking Channel Operations. A select with an else
;;; clause never blocks: if no other clause is ready, else is taken at
;;; once. Nobody receives from messages, so sending on it fails; a channel
;;; with room in its buffer takes a value, and then gives it back.
;;;
;;;   contigo gbe-non-blocking-channel-operations.scm

(define messages (make-chan))
(define signals (make-chan))

(select ((recv messages msg) (println "received message" msg))
        (else (println "no message received")))

(define msg "hi")
(select ((send messages msg) (println "sent message" msg))
        (else (println "no message sent")))

(select ((recv messages msg) (println "received message" msg))
        ((recv signals sig) (println "received signal" sig))
        (else (println "no activity")))

;; A buffer with room: the send and then the receive succeed at once.
(define queue (make-chan 1))
(select ((send queue msg) (println "queued message" msg))
        (else (println "no message queued")))
(select ((recv queue msg) (println "dequeued message" msg))
        (else (println "no message dequeued")))
