;;; What a blocked operation returns, or raises, when it wakes: each
;;; operation blocks first, then another goroutine completes it, closes
;;; its channel, or cancels it. (A blocked goroutine keeps no frame of the
;;; scheduler: what it does as it wakes runs on top of its own
;;; continuation.)

(define (show . xs) (for-each display xs) (newline))
(define (message thunk)
  (guard (e ((error-object? e) (error-object-message e))) (thunk)))

;;;; Completed by a partner
(define c (make-chan))
(go (sleep 2) (send c 'value))
(show "recv: " (recv c))
(go (sleep 2) (recv c))
(show "send returns unspecified: " (eq? (send c 1) (if #f #f)))
(go (sleep 2) (send c 'sel))
(show "select recv: " (select ((recv c v) (list 'got v))))
(go (sleep 2) (show "select's receiver got " (recv c)))
(show "select send: " (select ((send c 'from-select) 'sent)))
(show "sleep returns unspecified: " (eq? (sleep 1) (if #f #f)))
(show "yield returns unspecified: " (eq? (yield) (if #f #f)))

;;;; Woken by close-chan
(define (closed-after ms) (let ((ch (make-chan))) (go (sleep ms) (close-chan ch)) ch))
(show "recv: " (eof-object? (recv (closed-after 2))))
(show "send: " (message (lambda () (send (closed-after 2) 1))))
(show "select recv: " (select ((recv (closed-after 2) v) (eof-object? v))))
(show "select send: " (message (lambda () (select ((send (closed-after 2) 1) 'sent)))))
;; for-range tells a received eof object from the end of the channel.
(define r (make-chan))
(go (send r (eof-object)) (sleep 2) (close-chan r))
(for-range (x r) (show "for-range got eof object: " (eof-object? x)))
(show "for-range ended")

;;;; Cancelled: every kind of blocked goroutine unwinds
(define q (make-chan))
(show (guard (e (#t (list 'nursery-raised e)))
        (nursery
          (define (unwinds name thunk)
            (go (dynamic-wind (lambda () #f) thunk (lambda () (show name " unwound")))))
          (unwinds "recv" (lambda () (recv q)))
          (unwinds "send" (lambda () (send q 1) (send q 2)))
          (unwinds "select" (lambda () (select ((recv q v) v) ((send q 5) 'x))))
          (unwinds "sleep" (lambda () (sleep 100000)))
          (unwinds "for-range" (lambda () (for-range (x q) x)))
          (go (sleep 5) (raise 'boom)))))

;;;; A goroutine's error runs its after thunks; one that raises in turn
;;;; replaces the error, and the outer after thunks still run.
(show (guard (e (#t (list 'nursery-raised e)))
        (nursery
          (go (dynamic-wind
                (lambda () #f)
                (lambda () (dynamic-wind (lambda () #f)
                                         (lambda () (recv (closed-after 2)) (raise 'first))
                                         (lambda () (show "inner after") (raise 'second))))
                (lambda () (show "outer after")))))))

;;;; A goroutine's uncaught error goes to its nursery even when it was
;;;; raised inside its own parameterize and handlers.
(define p (make-parameter 'outer))
(show (guard (e (#t (list 'nursery-raised e)))
        (nursery
          (go (parameterize ((p 'inner))
                (with-exception-handler
                  (lambda (e) (raise (list 'rethrown e (p))))
                  (lambda () (recv (closed-after 2)) (raise 'oops))))))))
