;;; producer makes a channel, starts a goroutine that feeds it 0..4 and
;;; closes it, and returns the channel; the program ranges over what it
;;; returns. As in Go, the goroutine outlives the call that started it:
;;; no nursery is passed in. (The program still waits for it at the end,
;;; and an error in it is not lost: see nursery-failure.scm.)
;;;
;;;   contigo producer.scm

(define (producer)
  (let ((ch (make-chan)))
    (go (do ((i 0 (+ i 1)))
            ((= i 5))
          (send ch i))
        (close-chan ch))
    ch))

(for-range (x (producer))
  (println x))
