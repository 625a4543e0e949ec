;;; Go by Example: Channel Directions. contigo has no directional channel
;;; types: a channel passed to a procedure can always be both sent on and
;;; received from, and nothing checks that ping only sends. This is the
;;; same program, with the direction of each parameter in its name and in
;;; a comment. (To hand out only one end of a channel, pass a procedure
;;; instead: (lambda (v) (send ch v)) can only send.)
;;;
;;;   contigo gbe-channel-directions.scm

;; pings: send only.
(define (ping pings msg)
  (send pings msg))

;; pings: receive only; pongs: send only.
(define (pong pings pongs)
  (let ((msg (recv pings)))
    (send pongs msg)))

(define pings (make-chan 1))
(define pongs (make-chan 1))
(ping pings "passed message")
(pong pings pongs)
(display (recv pongs))
(newline)
