;;; Leaving a nursery's body by a continuation still waits for its
;;; children, as leaving Trio's nursery block by return does; a child's
;;; failure is then raised where the nursery was left. (The nursery used
;;; to return at once, and a later child failure cancelled the goroutine
;;; that had left it with an internal #<cancelled N>.)

(define (show . xs) (for-each display xs) (newline))

(show (call/cc
        (lambda (k)
          (nursery
            (go (sleep 20) (show "the child ends before the nursery is left"))
            (k 'escaped)))))

(show (guard (e ((error-object? e) (list 'caught (error-object-message e))))
        (call/cc
          (lambda (k)
            (nursery
              (go (sleep 10) (error "the child fails after the escape"))
              (k 'escaped))))))

;; Main goes on normally afterwards: it is not cancelled.
(sleep 20)
(show "main goes on")

;; An escape from a goroutine's own nursery, too.
(nursery
  (go (show (call/cc
              (lambda (k)
                (nursery
                  (go (sleep 5) (show "grandchild done"))
                  (k 'child-escaped)))))))
