;;; Nurseries: waiting for children, the first error cancelling the
;;; others (whose after thunks run) and raised again in the opener, nested
;;; nurseries, and cancellation at every kind of checkpoint.

(define (show . xs) (for-each display xs) (newline))

;; The form returns body's values only after all its goroutines ended.
(show (nursery
        (go (sleep 20) (show "slow child done"))
        (go (show "fast child done"))
        'body-value))
(call-with-values
  (lambda () (nursery (go (yield)) (values 1 2 3)))
  (lambda vals (show "values: " vals)))
(show "empty nursery: " (nursery 'nothing-started))

;; Children of children belong to the nursery too.
(nursery
  (go (go (sleep 10) (show "grandchild done"))
      (show "child done")))
(show "after grandchild")

;; A child's error cancels its siblings (their after thunks run) and is
;; raised again, the same object, once all have ended.
(define boom #f)
(define caught
  (guard (e (#t e))
    (nursery
      (go (dynamic-wind
            (lambda () (show "sleeper enters"))
            (lambda () (sleep 100000) (show "never"))
            (lambda () (show "sleeper's after thunk"))))
      (go (dynamic-wind
            (lambda () #f)
            (lambda () (recv (make-chan)))
            (lambda () (show "receiver's after thunk"))))
      (go (sleep 5)
          (set! boom (list 'boom))
          (raise boom))
      (show "body waits")
      'unreached-value)))
(show "caught the same object: " (eq? caught boom))

;; An error object keeps its message.
(show (guard (e ((error-object? e) (error-object-message e)))
        (nursery (go (error "child failed")) (sleep 10))))

;; The body's error cancels the children too.
(show (guard (e ((symbol? e) e))
        (nursery
          (go (dynamic-wind (lambda () #f)
                            (lambda () (sleep 100000))
                            (lambda () (show "child unwound by body error"))))
          (sleep 1)
          (raise 'body-error))))

;; The body, still running, is cancelled by a child's error: it was
;; waiting for a value that will never come.
(show (guard (e ((string? e) e))
        (nursery
          (go (sleep 5) (raise "child error"))
          (recv (make-chan)))))

;; A cancelled sleeper wakes at once.
(define t0 (monotonic-ms))
(guard (e (#t #f))
  (nursery (go (sleep 60000)) (go (raise 'stop))))
(show "cancelled sleep returned quickly: " (< (- (monotonic-ms) t0) 30000))

;; Cancellation at yield, and by preemption in a loop that never blocks.
(define yields 0)
(define spins 0)
(show (guard (e ((eq? e 'stop) 'stopped))
        (nursery
          (go (let loop () (set! yields (+ yields 1)) (yield) (loop)))
          (go (let loop () (set! spins (+ spins 1)) (loop)))
          (go (sleep 5) (raise 'stop)))))
(show "both ran before: " (> yields 0) " " (> spins 0))

;; Cancellation is not an error object: a guard testing error-object?
;; lets it through, so the goroutine still ends.
(show (guard (e ((eq? e 'stop) 'stopped))
        (nursery
          (go (guard (e ((error-object? e) (show "wrongly caught")))
                (sleep 100000)))
          (go (raise 'stop)))))
;; A goroutine that catches its cancellation anyway is cancelled again at
;; its next checkpoint.
(show (guard (e ((eq? e 'stop) 'stopped))
        (nursery
          (go (guard (c (#t (show "caught " (if (error-object? c) "an error" "a cancellation"))))
                (sleep 100000))
              (show "still running")
              (sleep 100000)
              (show "never"))
          (go (raise 'stop)))))

;; A later error, raised by an after thunk during the cancellation, is
;; not dropped: both come in an error group, in order (error-group.scm).
(show (guard (e ((error-group? e) (error-group-errors e)))
        (nursery
          (go (raise 'first))
          (go (dynamic-wind (lambda () #f)
                            (lambda () (sleep 100000))
                            (lambda () (raise 'second-in-after-thunk)))))))

;;;; Nested nurseries
;; An inner failure cancels only the inner nursery's goroutines; the
;; outer one goes on.
(show (nursery
        (go (sleep 20) (show "outer child survives"))
        (guard (e (#t (show "inner raised " e)))
          (nursery
            (go (sleep 100000))
            (go (raise 'inner))))
        'outer-done))
;; An outer failure cancels the inner nursery's goroutines too, and the
;; inner nursery's opener; the error comes out of the outer nursery.
(show (guard (e (#t (list 'outer-caught e)))
        (nursery
          (go (nursery
                (go (dynamic-wind (lambda () #f)
                                  (lambda () (sleep 100000))
                                  (lambda () (show "inner child unwound"))))
                (dynamic-wind (lambda () #f)
                              (lambda () (sleep 100000))
                              (lambda () (show "inner body unwound")))))
          (go (sleep 5) (raise 'outer-error)))))
;; A nursery opened inside a goroutine: its children belong to it, not
;; to the nursery the goroutine belongs to.
(nursery
  (go (show "inner nursery returns "
            (nursery (go (sleep 5) (show "grandchild in inner nursery")) 'inner-value))))

;; After a nursery has closed, go in its extent is an error. (The extent
;; is re-entered here with a continuation captured inside it.)
(show (guard (e ((error-object? e) (error-object-message e)))
        (let ((k #f) (entries 0))
          (nursery
            (call-with-current-continuation (lambda (c) (set! k c)))
            (set! entries (+ entries 1))
            (if (= entries 2) (go 'too-late)))
          (if (= entries 1) (k #f))
          'no-error)))

;; A goroutine of a cancelled nursery that starts a goroutine: the new
;; one is cancelled too. (The second goroutine is runnable, not blocked,
;; when the first one fails: it is only marked, and runs on until its
;; next checkpoint.)
(show (guard (e ((eq? e 'stop) 'stopped))
        (nursery
          (go (raise 'stop))
          (go (go (dynamic-wind (lambda () #f)
                                (lambda () (sleep 100000))
                                (lambda () (show "late child cancelled"))))
              (show "starter ran on")))))
