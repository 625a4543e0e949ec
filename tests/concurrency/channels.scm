;;; Channels: unbuffered rendezvous, buffered channels, and the close
;;; semantics of the contract.

(define (show . xs) (for-each display xs) (newline))
(define (message thunk)
  (guard (e ((error-object? e) (error-object-message e))) (thunk) 'no-error))

;;;; Unbuffered: send blocks until a receiver takes the value. The
;; goroutine that completes a rendezvous goes on running; the one it
;; wakes runs later (as in Go).
(define c (make-chan))
(show (chan? c) " " (chan? 5) " " (chan-len c) " " (chan-cap c))
(go (show "sending 1") (send c 1) (show "sent 1"))
(show "receiving")
(show "got " (recv c))
(yield)

;; A receiver that blocks first.
(go (show "child receives " (recv c)))
(yield)
(show "main sends")
(send c 'hello)
(show "main sent")
(yield)

;;;; Buffered: sends do not block until the buffer is full.
(define b (make-chan 2))
(show "cap " (chan-cap b) " len " (chan-len b))
(send b 'a)
(send b 'b)
(show "len " (chan-len b))
(go (show "third send blocks") (send b 'c) (show "third send done"))
(yield)
(show "recv " (recv b) " len " (chan-len b))
(yield)
(show "len " (chan-len b))
(show (recv b) " " (recv b) " len " (chan-len b))

;; Values of any kind, in order.
(define items (make-chan 10))
(for-each (lambda (x) (send items x)) (list 1 "two" 'three '(4) #f))
(show (let loop ((n 5) (acc '())) (if (= n 0) (reverse acc) (loop (- n 1) (cons (recv items) acc)))))

;;;; Close
;; recv on a closed, empty channel returns the eof object at once.
(define d (make-chan))
(close-chan d)
(show (eof-object? (recv d)) " " (eof-object? (recv d)))
;; A buffered channel is drained before eof.
(define e (make-chan 3))
(send e 1)
(send e 2)
(close-chan e)
(show (recv e) " " (recv e) " " (eof-object? (recv e)))
;; Sending on a closed channel raises an error.
(show (message (lambda () (send d 1))))
;; Closing twice raises an error.
(show (message (lambda () (close-chan d))))
;; Closing wakes every blocked receiver with the eof object...
(define f (make-chan))
(define (receiver name) (go (show name " got eof: " (eof-object? (recv f)))))
(receiver "r1")
(receiver "r2")
(yield)
(close-chan f)
(yield)
;; ...and every blocked sender with an error.
(define s (make-chan))
(define (sender name)
  (go (show name ": " (message (lambda () (send s name))))))
(sender "s1")
(sender "s2")
(yield)
(close-chan s)
(yield)
;; A blocked sender's value stays in the buffer of a buffered channel
;; closed afterwards only if it was accepted before the close.
(define t (make-chan 1))
(send t 'kept)
(go (show "late sender: " (message (lambda () (send t 'lost)))))
(yield)
(close-chan t)
(yield)
(show (recv t) " " (eof-object? (recv t)))

;;;; Errors
(show (message (lambda () (make-chan -1))))
(show (message (lambda () (make-chan 1.5))))
(show (message (lambda () (send 'x 1))))
(show (message (lambda () (recv "x"))))
(show (message (lambda () (close-chan '()))))
(show (message (lambda () (chan-len 1))))
