;;; Preemption: a goroutine that computes without ever blocking is
;;; interrupted by the step timer, so it does not starve the others.

(define (show . xs) (for-each display xs) (newline))

;; A goroutine that loops forever does not stop the program: main and a
;; sleeper still run.
(define stop #f)
(define spins 0)
(go (let loop () (set! spins (+ spins 1)) (if (not stop) (loop))))
(go (sleep 10) (show "sleeper woke while the loop spins"))
(sleep 30)
(show "main woke; the loop ran: " (> spins 0))
(set! stop #t)
(yield)

;; Busy goroutines and a busy main share the processor: while main
;; computes, both goroutines run.
(define a 0)
(define b 0)
(go (let loop ((i 0)) (if (< i 300000) (begin (set! a (+ a 1)) (loop (+ i 1))))))
(go (let loop ((i 0)) (if (< i 300000) (begin (set! b (+ b 1)) (loop (+ i 1))))))
(let loop ((i 0)) (if (< i 200000) (loop (+ i 1))))
(show "both busy goroutines ran while main computed: " (> a 0) " " (> b 0))

;; A goroutine in an infinite loop is cancelled by its nursery at a
;; preemption.
(show (guard (e ((eq? e 'enough) 'cancelled-the-spinner))
        (nursery
          (go (let forever () (forever)))
          (go (sleep 5) (raise 'enough)))))
