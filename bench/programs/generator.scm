;;; generator: a producer/consumer pair built from two continuations that
;;; pass control back and forth. The producer yields 1..1000000 and the
;;; consumer sums them.
;;; Measures capture *and re-entry* of continuations (not just escapes).
(define (make-generator producer)
  (define return #f)   ; continuation back into the consumer
  (define resume #f)   ; continuation back into the producer
  (define (yield v)
    (call-with-current-continuation
     (lambda (k)
       (set! resume k)
       (return v))))
  (lambda ()
    (call-with-current-continuation
     (lambda (r)
       (set! return r)
       (if resume
           (resume #f)
           (begin
             (producer yield)
             (return 'done)))))))

(define (count-up n)
  (lambda (yield)
    (let loop ((i 1))
      (if (<= i n)
          (begin
            (yield i)
            (loop (+ i 1)))))))

(define (sum-generator gen)
  (let loop ((acc 0))
    (let ((v (gen)))
      (if (eq? v 'done)
          acc
          (loop (+ acc v))))))

(display (sum-generator (make-generator (count-up 1000000))))
(newline)
