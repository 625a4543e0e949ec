;;; Deep non-tail recursion: the continuation lives on the heap, so a
;;; million pending calls are fine (the default limit is 4,000,000
;;; frames).

(define (show . xs) (for-each display xs) (newline))

(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
(show (count 1000000))

;; A list of a million elements built by non-tail recursion...
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(define big (build 1000000))
(show (length big) " " (car big) " " (list-ref big 999999))

;; ... mapped by a non-tail recursive map ...
(define (my-map f l)
  (if (null? l) '() (cons (f (car l)) (my-map f (cdr l)))))
(define doubled (my-map (lambda (x) (* 2 x)) big))
(show (length doubled) " " (car doubled) " " (list-ref doubled 999999))

;; ... and summed by a non-tail recursive fold.
(define (sum l) (if (null? l) 0 (+ (car l) (sum (cdr l)))))
(show (sum big) " " (sum doubled))

;; The library's map, append and apply on the big list.
(show (length (map (lambda (x) (+ x 1)) big)))
(show (length (append big big)))
(show (apply + big))

;; Deep recursion through a procedure argument (the recursion goes
;; through map's Scheme code: a tree 200000 levels deep).
(define (nest n) (if (= n 0) '() (list (nest (- n 1)))))
(define (depth t) (if (null? t) 0 (+ 1 (apply max (map depth t)))))
(show (depth (nest 200000)))

;; equal? on deep and long structures.
(show (equal? (nest 100000) (nest 100000)))
(show (equal? big (build 1000000)))

;; Ackermann: deep and wide.
(define (ack m n)
  (cond ((= m 0) (+ n 1))
        ((= n 0) (ack (- m 1) 1))
        (else (ack (- m 1) (ack m (- n 1))))))
(show (ack 2 9) " " (ack 3 5))

;;; slow: a million pending calls, several times over
