;;; Chapter 3, exercise 3: merging two channels without select.
;;;
;;; One goroutine per input copies its values to the output. The output may
;;; be closed only once both copiers have finished, and only once: so each
;;; copier, when its input is closed, reports on a "done" channel, and a
;;; third goroutine receives the two reports and then closes the output.
;;; (Counting in a shared variable would work too here; the done channel is
;;; the Go idiom, and it works whatever the scheduling.)

(define (merge a b)
  (let ((out (make-chan)) (done (make-chan)))
    (define (copy from)
      (go (for-range (x from) (send out x))
          (send done #t)))
    (copy a)
    (copy b)
    (go (recv done)
        (recv done)
        (close-chan out))
    out))

(define (source name n)
  (let ((ch (make-chan)))
    (go (do ((i 1 (+ i 1))) ((> i n))
          (send ch (string-append name (number->string i))))
        (close-chan ch))
    ch))

;; The interleaving depends on the scheduler; sort to print the same thing
;; whatever it is, and count.
(define received '())
(for-range (x (merge (source "a" 3) (source "b" 5)))
  (set! received (cons x received)))
(write (list-sort string<? received))
(newline)
(display (length received))
(newline)

;; Merging two channels that are already closed gives a closed channel.
(define empty (make-chan))
(close-chan empty)
(define merged (merge empty empty))
(write (recv merged))
(newline)
