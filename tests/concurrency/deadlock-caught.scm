;;; The deadlock error is raised in goroutine 1, as an error object, so a
;;; guard can catch it and the program goes on.

(define (show . xs) (for-each display xs) (newline))

(define ch (make-chan))
(define e (guard (e (#t e)) (recv ch)))
(show (error-object? e))
(show (error-object-message e))
(show "the program goes on")

;; A goroutine blocked for good does not stop main from detecting it
;; again later.
(go (recv ch))
(show (guard (e ((error-object? e) (error-object-message e)))
        (nursery (recv (make-chan)))))
;; A pending timer is not a deadlock: main waits for it.
(show (select ((recv ch v) v) ((recv (after 10)) 'timer-fired)))
;; That goroutine is still blocked; feed it so the program can end.
(send ch 'unblock)
(show "done")
