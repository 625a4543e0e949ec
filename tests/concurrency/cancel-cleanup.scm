;;; A cancelled goroutine's after thunks run to their end: preemption
;;; does not raise the cancellation again inside them (it did, cutting a
;;; long cleanup short at an arbitrary step). A blocking operation in
;;; them is a checkpoint and raises it again, as in a Trio finally block.

(define (show . xs) (for-each display xs) (newline))
(define (busy ms)
  (let ((end (+ (monotonic-ms) ms)))
    (let loop () (if (< (monotonic-ms) end) (loop)))))

(show (guard (e ((symbol? e) e))
        (nursery
          (go (dynamic-wind
                (lambda () #f)
                (lambda () (sleep 100000))
                (lambda () (busy 30) (show "a long cleanup ran to its end"))))
          (go (sleep 5) (raise 'boom)))))

(show (guard (e ((symbol? e) e))
        (nursery
          (go (dynamic-wind
                (lambda () #f)
                (lambda () (sleep 100000))
                (lambda ()
                  (show "cleanup starts")
                  (sleep 10)
                  (show "not reached: sleep is a checkpoint"))))
          (go (sleep 5) (raise 'boom2)))))
