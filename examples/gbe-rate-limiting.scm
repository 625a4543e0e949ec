;;; Go by Example: Rate Limiting. Requests are served at most one per tick
;;; of a ticker; then a limiter with a buffer of three lets a burst of
;;; three requests through at once before the pace sets in. The times vary
;;; from run to run, so each request prints the coarse fact that it was
;;; served no sooner than the limiter allows.
;;;
;;; The ticker is the one of gbe-tickers.scm (the prelude has none).
;;;
;;;   contigo gbe-rate-limiting.scm

(define (bool b) (if b "true" "false"))

;; (make-ticker ms) returns a ticker; (ticker-c t) receives the clock's
;; milliseconds every ms, until (ticker-stop! t). See gbe-tickers.scm.
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
(define requests (make-chan 5))
(do ((i 1 (+ i 1))) ((> i 5))
  (send requests i))
(close-chan requests)

(define limiter (make-ticker period))
(for-range (req requests)
  (recv (ticker-c limiter))
  (format #t "request ~a, at least ~ams after the start: ~a~%"
          req (* req 20) (bool (>= (- (monotonic-ms) start) (* req period)))))
(ticker-stop! limiter)

;; The bursty limiter starts with three values in its buffer, and a
;; goroutine adds one per tick, as long as there is room.
(set! start (monotonic-ms))
(define bursty-limiter (make-chan 3))
(do ((i 0 (+ i 1))) ((= i 3))
  (send bursty-limiter (monotonic-ms)))
(define ticker (make-ticker period))
(define done (make-chan))
(go (let loop ()
      (select ((recv done))
              ((recv (ticker-c ticker) t)
               (select ((send bursty-limiter t) (loop))
                       ((recv done)))))))

(define bursty-requests (make-chan 5))
(do ((i 1 (+ i 1))) ((> i 5))
  (send bursty-requests i))
(close-chan bursty-requests)
(for-range (req bursty-requests)
  (recv bursty-limiter)
  (let ((wait (* (max (- req 3) 0) 20)))
    (format #t "bursty request ~a, at least ~ams after the start: ~a~%"
            req wait (bool (>= (- (monotonic-ms) start) wait)))))
(ticker-stop! ticker)
(close-chan done)
