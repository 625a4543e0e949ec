;;; Go by Example: Tickers. A ticker delivers the time on its channel at
;;; regular intervals until it is stopped. The times themselves vary from
;;; run to run, so each tick prints the coarse fact that it came no sooner
;;; than it should.
;;;
;;; The prelude has no ticker; here one is built from (after ms) and a
;;; goroutine, which ends when the ticker is stopped (a contigo program
;;; waits for all its goroutines at the end).
;;;
;;;   contigo gbe-tickers.scm

(define (bool b) (if b "true" "false"))

;; (make-ticker ms) returns a ticker; (ticker-c t) receives the clock's
;; milliseconds every ms. A receiver too slow for a tick misses it, as in
;; Go: the next tick comes at the next multiple of ms. (ticker-stop! t)
;; waits until the ticker's goroutine has heard it, so that no tick comes
;; after it; a ticker is stopped once.
(define (make-ticker ms)
  (let ((c (make-chan)) (stop (make-chan)))
    (go (let loop ((next (+ (monotonic-ms) ms)))
          (select ((recv stop))
                  ((recv (after (- next (monotonic-ms))) now)
                   (select ((recv stop))
                           ((send c now)
                            (let skip ((next (+ next ms)))
                              (if (<= next (monotonic-ms))
                                  (skip (+ next ms))
                                  (loop next)))))))))
    (cons c stop)))
(define (ticker-c t) (car t))
(define (ticker-stop! t) (send (cdr t) #t))

(define period 20)

(define start (monotonic-ms))
(define ticker (make-ticker period))
(do ((n 1 (+ n 1))) ((> n 3))
  (recv (ticker-c ticker))
  (format #t "tick ~a, at least ~ams after the start: ~a~%"
          n (* n 20) (bool (>= (- (monotonic-ms) start) (* n period)))))
(ticker-stop! ticker)
(println "Ticker stopped")

(select ((recv (ticker-c ticker)) (println "a tick after Stop"))
        ((recv (after (* 3 period))) (println "no tick after Stop")))
