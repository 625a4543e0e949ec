;;; Errors around the thread-switch hooks.

;; A fresh dynamic state has no exception handlers: a guard outside does
;; not catch what the thunk raises (a goroutine does not inherit its
;; creator's handlers).
(guard (e (#t (display "caught by the outer guard")))
  (%with-dynamic-state (%fresh-dynamic-state)
    (lambda () (raise 'inner))))
;;; error: "hooks.scm:8:16: uncaught exception: inner"
---
(%with-dynamic-state 'not-a-state (lambda () 1))
;;; error: "hooks.scm:11:1: %with-dynamic-state: expected dynamic state, got not-a-state"
---
(set-timer -1)
;;; error: "hooks.scm:14:1: set-timer: expected non-negative exact integer, got -1"
---
(timer-interrupt-handler 5)
;;; error: "hooks.scm:17:1: timer-interrupt-handler: expected procedure or #f, got 5"
---
;; An error in the timer handler is raised in the interrupted
;; computation. (One top-level form.)
(let () (timer-interrupt-handler (lambda () (car '())))
  (set-timer 100)
  (let loop ((i 0)) (if (< i 100000) (loop (+ i 1)))))
;;; error: "hooks.scm:22:45: car: expected pair, got \(\)"
