;;; Chapter 5, exercise 3: Go's behaviour, from a nursery.
;;;
;;; A service goroutine opens a long-lived nursery and starts, inside it,
;;; every thunk it receives on a channel. (background thunk) sends it a
;;; thunk and returns at once: the caller does not wait, and the goroutine
;;; outlives the procedure that asked for it, as with Go's bare go.
;;;
;;; What is lost is what the nursery gave us: the caller cannot know when
;;; its background work is done (it must arrange a channel itself), and an
;;; error in background work does not go to the caller: it fails the
;;; service's nursery, which cancels *all* background work and then fails
;;; the service goroutine itself. That is why the structure is worth
;;; keeping, and why Trio makes you pass a nursery object explicitly when
;;; you want this: the nursery that will own the task is then visible in the
;;; code.

(define requests (make-chan))
(define service-done (make-chan))

;; The service: runs until requests is closed, then waits (its nursery
;; does) for the background goroutines, then reports.
(go (nursery
      (for-range (thunk requests)
        (go (thunk))))
    (close-chan service-done))

(define (background thunk) (send requests thunk))

(define results (make-chan 10))

(define (fetch-later name ms)
  (background (lambda () (sleep ms) (send results name)))
  'returned-at-once)

(println (fetch-later "slow page" 30))
(println (fetch-later "fast page" 10))
(println "the caller goes on")
(println (recv results))
(println (recv results))

;; Shutting down: close the requests channel; the service's nursery waits
;; for the background goroutines still running.
(background (lambda () (sleep 20) (println "last background job done")))
(close-chan requests)
(recv service-done)
(println "service stopped")
