;;; After the last form, the program waits for its goroutines: a sleeper
;;; prints after main's last line.

(go (sleep 30) (display "the sleeper finished\n"))
(go (let loop ((i 0)) (if (< i 3) (begin (yield) (loop (+ i 1))))) (display "the yielder finished\n"))
(display "main's last form\n")
