;;; Long data with a cycle at its far end prints with datum labels, and
;;; shared parts only with write-shared: the walk that finds the cycles
;;; keeps one stack entry along a list however long (value/labels.go).

(define (show . xs) (for-each display xs) (newline))
(define (printed how x) (call-with-output-string (lambda (p) (how x p))))
;; The first and last n characters of what how prints for x.
(define (ends how x n)
  (let* ((s (printed how x)) (k (string-length s)))
    (string-append (substring s 0 n) " ... " (substring s (- k n) k))))
(define n 300000)

;; The last cdr points back at the third pair.
(define l (iota n))
(set-cdr! (last-pair l) (cddr l))
(show (ends write l 16))
(show (ends display l 16))

;; The last element is the list itself.
(define m (iota n))
(set-car! (last-pair m) m)
(show (ends write m 12))

;; A long list nested in cars, whose innermost element is the outermost.
(define deep (let loop ((i 0) (x '())) (if (= i n) x (loop (+ i 1) (list x)))))
(set-car! (let loop ((x deep)) (if (null? (car x)) x (loop (car x)))) deep)
(define deep-text (printed write deep))
(show (string-length deep-text) " " (substring deep-text 0 6) " "
      (substring deep-text (+ 3 n -2) (+ 3 n 3 2)))

;; A vector whose last element is a long list that ends in the vector.
(define v (vector 'a (iota n)))
(set-cdr! (last-pair (vector-ref v 1)) v)
(show (ends write v 12))

;; Shared but not cyclic: labels only for write-shared.
(define x (list 'x))
(define s (list x (iota n) x))
(show (ends write s 12))
(show (ends write-shared s 12))
