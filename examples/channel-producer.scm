;;; channel-producer returns a channel of channels: a goroutine sends
;;; three channels on it, each made by number-producer, which starts a
;;; goroutine of its own to fill it with 0..4. The program prints each
;;; channel's numbers followed by ---. As in Go, neither procedure needs
;;; a nursery from its caller.
;;;
;;;   contigo channel-producer.scm

(define (number-producer n)
  (let ((ch (make-chan)))
    (go (do ((i 0 (+ i 1)))
            ((= i n))
          (send ch i))
        (close-chan ch))
    ch))

(define (channel-producer)
  (let ((channels (make-chan)))
    (go (do ((c 0 (+ c 1)))
            ((= c 3))
          (send channels (number-producer 5)))
        (close-chan channels))
    channels))

(for-range (ch (channel-producer))
  (for-range (x ch)
    (println x))
  (println "---"))
