;;; Error groups: when several goroutines of a nursery fail (or its body
;;; and goroutines), none of the errors vanishes. The nursery raises one
;;; error object, an error group, holding them all in the order they
;;; failed; a single failure is raised as itself. An error raised by an
;;; after thunk while a goroutine is cancelled counts too.

(define (show . xs) (for-each display xs) (newline))
(define (messages e)
  (map (lambda (x) (if (error-object? x) (error-object-message x) x))
       (error-group-errors e)))

;; Two children fail at the same moment (both woken by one close): the
;; first failure cancels the other, which was already failing (it raises
;; before its next checkpoint). (Two sleeps of 5 ms would not do: their
;; deadlines differ by the time between the calls, and the process may
;; wake between them.)
(define start (make-chan))
(define e1
  (guard (e (#t e))
    (nursery
      (go (recv start) (error "first"))
      (go (recv start) (error "second"))
      (yield)
      (close-chan start))))
(show "error group: " (error-group? e1) ", an error object: " (error-object? e1))
(show (messages e1))

;; A single failure is raised as itself.
(define e2 (guard (e (#t e)) (nursery (go (raise 'alone)) (sleep 10))))
(show "single: " e2 " " (error-group? e2))

;; An after thunk that raises while its goroutine is cancelled.
(define e3
  (guard (e (#t e))
    (nursery
      (go (dynamic-wind
            (lambda () #f)
            (lambda () (sleep 100000))
            (lambda () (raise 'cleanup-failed))))
      (go (sleep 5) (raise 'boom)))))
(show (error-group-errors e3))

;; The body's error and a child's.
(define e4
  (guard (e (#t e))
    (nursery
      (go (dynamic-wind (lambda () #f) (lambda () (sleep 100000))
                        (lambda () (error "child cleanup"))))
      (yield)
      (raise 'body))))
(show (messages e4))

(show (guard (e ((error-object? e) (error-object-message e))) (error-group-errors 'x)))
