;;; Go by Example: Channels. A goroutine sends a value into an unbuffered
;;; channel; the main program receives it. Send and receive block until
;;; both sides are ready, so the program waits for the message without
;;; anything else.
;;;
;;;   contigo gbe-channels.scm

(define messages (make-chan))

(go (send messages "ping"))

(define msg (recv messages))
(display msg)
(newline)
