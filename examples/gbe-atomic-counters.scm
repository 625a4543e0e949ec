;;; Go by Example: Atomic Counters. Fifty goroutines increment one counter
;;; a thousand times each, letting the others run after each increment.
;;;
;;; contigo has no atomic operations, and needs none here: its goroutines
;;; are green threads, taking turns on one thread, so nothing runs in
;;; parallel with an increment. A switch can only come between two steps
;;; of the evaluator: where a goroutine blocks or yields, and, by
;;; preemption, between any two steps. (set! ops (+ ops 1)) is a single
;;; step (primitives applied to variables and constants are computed in
;;; place), so no switch can split it.
;;;
;;; That is a property of this expression, not of every update: one that
;;; calls a procedure of its own between reading ops and setting it, as
;;; (set! ops (+ ops (f))) or (let ((n ops)) (g) (set! ops (+ n 1))) do,
;;; can be preempted in the middle and lose increments. Such updates need
;;; a lock (gbe-mutexes.scm) or a goroutine that owns the state
;;; (gbe-stateful-goroutines.scm).
;;;
;;;   contigo gbe-atomic-counters.scm

(define ops 0)

(nursery
  (do ((i 0 (+ i 1))) ((= i 50))
    (go (do ((c 0 (+ c 1))) ((= c 1000))
          (set! ops (+ ops 1))
          (yield)))))

(display "ops: ")
(display ops)
(newline)
