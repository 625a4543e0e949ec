;;; An uncaught error in goroutine 1 ends the program at once (status 1),
;;; without waiting for the other goroutines.

(display "before\n")
(go (sleep 20) (display "the sleeper never prints\n"))
(go (display "a runnable goroutine does not run either\n"))
(vector-ref (vector 1 2) 5)
