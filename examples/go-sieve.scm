;;; The concurrent prime sieve of go.dev, ported literally: a daisy chain
;;; of filter goroutines, one per prime found. generate never stops and
;;; the filters never end: when the main program has printed its primes,
;;; it ends, and the program ends with them still blocked, as in Go (exit
;;; status 0; contigo --trace-sched go-sieve.scm lists them as dropped).
;;;
;;;   contigo go-sieve.scm

;; Send the sequence 2, 3, 4, ... to channel ch.
(define (generate ch)
  (let loop ((i 2))
    (send ch i)                         ; Send i to channel ch.
    (loop (+ i 1))))

;; Copy the values from channel in to channel out,
;; removing those divisible by prime.
(define (filter in out prime)
  (let loop ()
    (let ((i (recv in)))                ; Receive value from in.
      (if (not (= 0 (remainder i prime)))
          (send out i)))                ; Send i to out.
    (loop)))

;; The prime sieve: daisy-chain filter processes. Go's loop assigns
;; ch = ch1; here ch is rebound by the loop instead, because a go form's
;; body reads its variables when the goroutine runs, where Go evaluates
;; the arguments of go Filter(ch, ch1, prime) at once.
(define ch (make-chan))                 ; Create a new channel.
(go (generate ch))                      ; Launch generate goroutine.
(let loop ((i 0) (ch ch))
  (if (< i 10)
      (let ((prime (recv ch)))
        (display prime)
        (newline)
        (let ((ch1 (make-chan)))
          (go (filter ch ch1 prime))
          (loop (+ i 1) ch1)))))
