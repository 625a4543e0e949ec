;;; Preemption is by elapsed time, not by evaluation steps: a goroutine
;;; whose loop spends its time in one slow primitive (length of a long
;;; list) does not keep a sleeping main program waiting. With a step
;;; budget, each slice was thousands of such steps: (sleep 10) took
;;; tens of seconds.

(define big (make-list 1000000 1))
(define stop #f)
(go (let loop () (length big) (if (not stop) (loop))))
(define t0 (monotonic-ms))
(sleep 10)
(define took (- (monotonic-ms) t0))
(set! stop #t)
(display (if (< took 2000) "main woke on time\n" (list 'main 'slept took)))
