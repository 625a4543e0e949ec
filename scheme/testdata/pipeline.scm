;; pipeline.scm: a program with goroutines, run by package scheme's tests.
(define numbers (make-chan))
(define squares (make-chan))
(go (for-each (lambda (n) (send numbers n)) '(1 2 3))
    (close-chan numbers))
(go (for-range (n numbers) (send squares (* n n)))
    (close-chan squares))
(for-range (s squares) (display s) (newline))
(go (sleep 1000) (display "dropped when main ends\n"))
