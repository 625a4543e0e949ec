;;; Report section 6.2: numbers. Every example of 6.2.6 and 6.2.7, run as
;;; written in the report.
;;; Expected output (.out) is written from the report, not from contigo;
;;; where the report leaves a result to the implementation, a comment says
;;; what contigo gives and why.
(define (p x) (write x) (newline))
(define (pv thunk) (call-with-values thunk (lambda xs (p xs))))

;; 6.2.6 number?, complex?, real?, rational?, integer?
(p (complex? 3+4i))
(p (complex? 3))
(p (real? 3))
(p (real? -2.5+0i))
(p (real? -2.5+0.0i))
(p (real? #e1e10))
(p (real? +inf.0))
(p (real? +nan.0))
(p (rational? -inf.0))
(p (rational? 3.5))
(p (rational? 6/10))
(p (rational? 6/3))
(p (integer? 3+0i))
(p (integer? 3.0))
(p (integer? 8/4))
;; exact?, inexact?, exact-integer?
(p (exact? 3.0))
(p (exact? #e3.0))
(p (inexact? 3.))
(p (exact-integer? 32))
(p (exact-integer? 32.0))
(p (exact-integer? 32/5))
;; finite?, infinite?, nan?
(p (finite? 3))
(p (finite? +inf.0))
(p (finite? 3.0+inf.0i))
(p (infinite? 3))
(p (infinite? +inf.0))
(p (infinite? +nan.0))
(p (infinite? 3.0+inf.0i))
(p (nan? +nan.0))
(p (nan? 32))
(p (nan? +nan.0+5.0i))
(p (nan? 1+2i))
;; max, min (inexact contagion)
(p (max 3 4))
(p (max 3.9 4))
;; +, *, -, /
(p (+ 3 4))
(p (+ 3))
(p (+))
(p (* 4))
(p (*))
(p (- 3 4))
(p (- 3 4 5))
(p (- 3))
(p (/ 3 4 5))
(p (/ 3))
(p (abs -7))
;; floor/ and truncate/
(pv (lambda () (floor/ 5 2)))
(pv (lambda () (floor/ -5 2)))
(pv (lambda () (floor/ 5 -2)))
(pv (lambda () (floor/ -5 -2)))
(pv (lambda () (truncate/ 5 2)))
(pv (lambda () (truncate/ -5 2)))
(pv (lambda () (truncate/ 5 -2)))
(pv (lambda () (truncate/ -5 -2)))
(pv (lambda () (truncate/ -5.0 -2)))
;; gcd, lcm
(p (gcd 32 -36))
(p (gcd))
(p (lcm 32 -36))
(p (lcm 32.0 -36))
(p (lcm))
;; numerator, denominator
(p (numerator (/ 6 4)))
(p (denominator (/ 6 4)))
(p (denominator
     (inexact (/ 6 4))))
;; floor, ceiling, truncate, round
(p (floor -4.3))
(p (ceiling -4.3))
(p (truncate -4.3))
(p (round -4.3))
(p (floor 3.5))
(p (ceiling 3.5))
(p (truncate 3.5))
(p (round 3.5))
(p (round 7/2))
(p (round 7))
;; rationalize
(p (rationalize
     (exact .3) 1/10))
(p (rationalize .3 1/10))
;; square, sqrt, exact-integer-sqrt
(p (square 42))
(p (square 2.0))
(p (sqrt 9))
(p (sqrt 2))
(p (sqrt -1))
(pv (lambda () (exact-integer-sqrt 4)))
(pv (lambda () (exact-integer-sqrt 5)))
;; make-rectangular, make-polar, real-part, imag-part, magnitude, angle:
;; with z = x1 + x2 i = x3 e^(i x4), all of these hold.
(define x1 3) (define x2 4) (define x3 5) (define x4 (atan 4 3))
(define z (make-rectangular x1 x2))
(p z)
(p (< (magnitude (- (make-polar x3 x4) z)) 1e-15))
(p (real-part z))
(p (imag-part z))
(p (magnitude z))
(p (= (angle z) x4))
(p (magnitude -5))
;; The branch cut of log: (imag-part (log -1.0-0.0i)) is -pi, not pi.
(p (imag-part (log -1.0-0.0i)))
(p (imag-part (log -1.0+0.0i)))
;; exact, inexact on complex numbers work on each part.
(p (exact 1.5+2.5i))
(p (inexact 1/2+3i))

;; 6.2.7 number->string, string->number
(p (string->number "100"))
(p (string->number "100" 16))
(p (string->number "1e2"))
(p (string->number "#o177" 10))
(p (string->number "1+2i"))
(p (string->number "abc"))
;; The round trip that number->string promises.
(define (round-trip? number radix)
  (eqv? number
        (string->number (number->string number radix) radix)))
(p (map (lambda (n) (round-trip? n 10))
        (list 0 -17 1/3 .1 -0.0 1e300 1+2i -1.5-0.0i +i 3.0+inf.0i
              (make-rectangular 0.0 1.0) (make-polar 2 1))))
(p (map (lambda (n) (round-trip? n 16)) (list 255 -1/3 3-4i)))
