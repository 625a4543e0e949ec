;; A program that redefines a procedure of the concurrency library, so
;; that the library fails as a goroutine ends, stops with a fatal error
;; (status 2) instead of failing again forever.
(set! %unregister! (lambda (g) (car '())))
(define c (make-chan))
(go (send c 1))
(recv c)
(display "not reached")
