;;; (goroutines) lists the live goroutines: (id state waiting), with
;;; waiting the Go-style description of what a blocked one waits for.

(define (show . xs) (for-each display xs) (newline))

(define c (make-chan))
(define full (make-chan 1))
(send full 'x)
(go (recv c))
(go (send full 'y))
(go (select ((recv c) 'a) ((recv (make-chan)) 'b)))
(go (sleep 100000))
(go (nursery (go (recv (make-chan)))))
(go 'runnable-but-not-yet-run)
(for-each show (goroutines))
(yield)
(show "after they ran:")
(for-each show (goroutines))
;; Finished goroutines leave the list.
(define d (make-chan))
(define g (go (send d 'done)))
(recv d)
(yield)
(show (assv (goroutine-id g) (goroutines)))
(exit 0) ; do not wait for the blocked ones
