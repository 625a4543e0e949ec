;; (exit 4) in a goroutine ends the whole program with status 4, as
;; os.Exit does in Go, after running the after thunks of the extents the
;; goroutine is in (report 6.14). The goroutine has never captured a
;; continuation: its dynamic state is shared with every goroutine started
;; alike, and exit must still find that it runs in the goroutine.
(define done (make-chan))
(go (dynamic-wind
      (lambda () (display "in goroutine") (newline))
      (lambda () (exit 4))
      (lambda () (display "after thunk ran") (newline))))
(recv done)
(display "not reached")
(newline)
