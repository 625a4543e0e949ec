;;; Channel of channels: a producer sends three channels, each of which
;;; then carries 0..4; main prints each channel's numbers followed by ---.
;;;
;;;   contigo channel-of-channels.scm

(define channels (make-chan))

(go (do ((c 0 (+ c 1)))
        ((= c 3))
      (let ((ch (make-chan)))
        (send channels ch)
        (do ((i 0 (+ i 1)))
            ((= i 5))
          (send ch i))
        (close-chan ch)))
    (close-chan channels))

(for-range (ch channels)
  (for-range (x ch)
    (display x)
    (newline))
  (display "---")
  (newline))
