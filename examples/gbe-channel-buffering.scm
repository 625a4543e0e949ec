;;; Go by Example: Channel Buffering. A channel with a buffer of two
;;; accepts two values without a receiver waiting for them.
;;;
;;;   contigo gbe-channel-buffering.scm

(define messages (make-chan 2))

(send messages "buffered")
(send messages "channel")
(println "len" (chan-len messages) "cap" (chan-cap messages))

(println (recv messages))
(println (recv messages))
(println "len" (chan-len messages) "cap" (chan-cap messages))
