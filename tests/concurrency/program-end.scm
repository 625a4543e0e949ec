;;; A program ends when its main program ends, as in Go: the goroutines
;;; still runnable, sleeping or blocked are dropped without a word, and
;;; the exit status is 0. (Until 2026-12 the top level waited for them.)
;;; The scheduler trace lists the dropped goroutines.

(define blocked (make-chan))
(go (sleep 60000) (display "the sleeper is dropped: never printed\n"))
(go (let loop () (loop)))
(go (recv blocked) (display "never printed either\n"))
(go (display "a goroutine that ran before the end\n"))
(yield)
(display "main's last form\n")
(trace-scheduler #t)
