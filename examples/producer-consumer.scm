;;; Producer/consumer: a goroutine sends 0..4 over an unbuffered channel
;;; and closes it; main ranges over the channel.
;;;
;;;   contigo producer-consumer.scm

(define ch (make-chan))

(go (do ((i 0 (+ i 1)))
        ((= i 5))
      (send ch i))
    (close-chan ch))

(for-range (x ch)
  (display "received ")
  (display x)
  (newline))
(display "done")
(newline)
