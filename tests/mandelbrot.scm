;;; The Mandelbrot set, computed with complex arithmetic as a program
;;; written for any R7RS Scheme would: complex literals, +, *, magnitude,
;;; make-rectangular. Each character is a point c of the plane; it is
;;; drawn with # when z <- z^2 + c stays within |z| <= 2 for 50 steps, and
;;; otherwise with a digit for how soon it escaped.

(define max-steps 50)

(define (escape-time c)
  (let loop ((z 0) (n 0))
    (cond ((= n max-steps) #f)
          ((> (magnitude z) 2) n)
          (else (loop (+ (* z z) c) (+ n 1))))))

(define (glyph n)
  (cond ((not n) #\#)
        ((< n 3) #\space)
        ((< n 5) #\.)
        ((< n 8) #\:)
        ((< n 15) #\+)
        (else #\*)))

(define top-left -2.0+1.125i)
(define step (make-rectangular 0.0375 -0.09375))
(define columns 72)
(define rows 25)

(do ((row 0 (+ row 1))) ((= row rows))
  (do ((col 0 (+ col 1))) ((= col columns))
    (let ((c (+ top-left
                (make-rectangular (* col (real-part step))
                                  (* row (imag-part step))))))
      (write-char (glyph (escape-time c)))))
  (newline))

;; The same set, checked at a few points exactly: 0, -1 and +i are in it
;; (their orbits are periodic), 1 and 1+i are not.
(for-each (lambda (c) (write c) (display " ") (write (escape-time c)) (newline))
          (list 0 -1 +i 1 1+i -1.0-0.5i))
