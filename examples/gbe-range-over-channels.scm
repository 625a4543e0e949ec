;;; Go by Example: Range over Channels. for-range receives until the
;;; channel is closed: a closed channel still gives the values in its
;;; buffer.
;;;
;;;   contigo gbe-range-over-channels.scm

(define queue (make-chan 2))
(send queue "one")
(send queue "two")
(close-chan queue)

(for-range (elem queue)
  (display elem)
  (newline))
