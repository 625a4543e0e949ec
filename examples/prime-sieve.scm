;;; Go's concurrent prime sieve: a daisy chain of filter goroutines, one
;;; per prime found, each passing on the numbers its prime does not
;;; divide. It prints the first 25 primes. The generator stops at 100 and
;;; closes its channel, and each filter closes its own when its input
;;; closes, so every goroutine ends by itself.
;;;
;;;   contigo prime-sieve.scm

;; Send 2, 3, 4, ..., 100 to ch, then close it.
(define (generate ch)
  (do ((i 2 (+ i 1)))
      ((> i 100))
    (send ch i))
  (close-chan ch))

;; Copy the values from in to out, dropping the multiples of prime.
(define (filter in out prime)
  (for-range (i in)
    (if (not (= 0 (remainder i prime)))
        (send out i)))
  (close-chan out))

;; Print the first value of ch, a prime, and go on with the values of ch
;; that it does not divide.
(define (sieve ch count)
  (if (< count 25)
      (let ((prime (recv ch))
            (next (make-chan)))
        (display prime)
        (newline)
        (go (filter ch next prime))
        (sieve next (+ count 1)))))

(define numbers (make-chan))
(go (generate numbers))
(sieve numbers 0)
