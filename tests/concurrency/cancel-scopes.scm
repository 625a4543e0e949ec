;;; Trio's cancel scopes: move-on-after, fail-after, cancel-scope,
;;; with-shield, and nursery-start.

(define (show . xs) (for-each display xs) (newline))

;; move-on-after: the body's value, or #f when the deadline cancelled it.
(show (move-on-after 1000 'quick))
(show (move-on-after 10 (sleep 100000) 'never))
;; The goroutines started inside are cancelled too, and waited for.
(show (move-on-after 10
        (go (dynamic-wind (lambda () #f) (lambda () (sleep 100000))
                          (lambda () (show "child cancelled with the scope"))))
        (recv (make-chan))))
;; The scope's timer dies with it: this program does not sleep 100 s at
;; its end, nor does main wait for it.
(move-on-after 100000 'done-early)

;; fail-after raises an error whose message is TooSlowError.
(show (fail-after 1000 'in-time))
(show (guard (e ((error-object? e) (error-object-message e)))
        (fail-after 10 (sleep 100000))))

;; cancel-scope: (cancel!) cancels the scope; the body stops at its next
;; checkpoint and the scope returns #f.
(show (cancel-scope (lambda (cancel!) (cancel!) (sleep 10) 'not-reached)))
(show (cancel-scope (lambda (cancel!) 'not-cancelled)))
(define c (make-chan))
(show (cancel-scope
        (lambda (cancel!)
          (go (recv c) (cancel!))
          (send c 'go-ahead)
          (sleep 100000))))
;; An error inside a scope passes through it.
(show (guard (e ((symbol? e) e)) (move-on-after 1000 (raise 'error-passes))))

;; Scopes nest: the outer deadline cancels the inner scope's body too,
;; and its cancellation passes through the inner scope to the outer one.
(show (move-on-after 10 (move-on-after 100000 (sleep 100000)) 'not-reached))

;; with-shield: cleanup in an after thunk may block, even though its
;; goroutine is cancelled; the cancellation comes at the next checkpoint
;; after the shield.
(define lock (make-chan 1))
(send lock 'token)
(show (move-on-after 10
        (dynamic-wind
          (lambda () (recv lock))
          (lambda () (sleep 100000))
          (lambda ()
            (with-shield
              (sleep 5)
              (send lock 'token)
              (show "released the lock while cancelled"))))))
(show "the lock is back: " (recv lock))
(show (move-on-after 10
        (with-shield (sleep 30) (show "shielded sleep finished"))
        (sleep 0)
        'not-reached))

;; nursery-start: returns the value given to started; the goroutine goes
;; on in the nursery.
(nursery
  (define port (nursery-start (lambda (started) (started 8080) (sleep 5) (show "server done"))))
  (show "server started on " port))
;; A failure before started is raised by nursery-start, not the nursery.
(show (nursery
        (guard (e ((symbol? e) (list 'start-failed e)))
          (nursery-start (lambda (started) (raise 'bind-failed))))))
;; A failure after started fails the nursery.
(show (guard (e ((symbol? e) (list 'nursery-failed e)))
        (nursery (nursery-start (lambda (started) (started) (raise 'later))) (sleep 10))))
(show (guard (e ((error-object? e) (error-object-message e)))
        (nursery (nursery-start (lambda (started) 'forgot)))))
