;;; Exercise 1.2: generators from any procedure that calls a procedure on
;;; each element: vector-for-each, for-each, a tree walk...

;; make-generator, as in section 1.3.
(define (make-generator walk)
  (define return #f)
  (define resume #f)
  (define (yield v)
    (call/cc (lambda (k)
               (set! resume k)
               (return v))))
  (lambda ()
    (call/cc (lambda (r)
               (set! return r)
               (if resume
                   (resume 'go-on)
                   (begin
                     (walk yield)
                     (set! resume (lambda (ignored) (return 'done)))
                     (return 'done)))))))

(define (vector-generator vec)
  (make-generator (lambda (yield) (vector-for-each yield vec))))

(define (list-generator lst)
  (make-generator (lambda (yield) (for-each yield lst))))

;; At most n elements of g: fewer if it is done before.
(define (generator->list g n)
  (let loop ((i 0) (acc '()))
    (if (= i n)
        (reverse acc)
        (let ((x (g)))
          (if (eq? x 'done)
              (reverse acc)
              (loop (+ i 1) (cons x acc)))))))

(write (generator->list (vector-generator #(a b c d e)) 3))
(newline)
(write (generator->list (vector-generator #(a b)) 10))
(newline)

;; Alternate the elements of two generators; when one is done, the rest
;; of the other.
(define (interleave g1 g2)
  (let loop ((acc '()))
    (let* ((x (g1)) (y (g2)))
      (cond ((and (eq? x 'done) (eq? y 'done)) (reverse acc))
            ((eq? x 'done) (loop (cons y acc)))
            ((eq? y 'done) (loop (cons x acc)))
            (else (loop (cons y (cons x acc))))))))

(write (interleave (vector-generator #(1 2 3 4)) (list-generator '(a b))))
(newline)
