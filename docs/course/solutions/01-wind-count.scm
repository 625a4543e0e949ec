;;; Exercise 1.4: how many times is a generator's walk entered?
;;;
;;; Every call of the generator jumps into the walk (the first time at its
;;; start, then where the last yield left it), so the before thunk runs
;;; once per call that enters it: once per element, plus once for the
;;; call that finds the walk finished. That call has to run the end of the
;;; walk to learn that there is no element left. After it, resume no
;;; longer enters the walk, so asking again costs no entry.

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

(define entries 0)

(define (counting-generator lst)
  (make-generator
    (lambda (yield)
      (dynamic-wind
        (lambda () (set! entries (+ entries 1)))
        (lambda () (for-each yield lst))
        (lambda () #f)))))

(define (report what n)
  (display what)
  (display ": ")
  (display n)
  (display " elements, ")
  (display entries)
  (display " entries")
  (newline)
  (set! entries 0))

;; Read to the end.
(define g (counting-generator '(a b c d e)))
(let loop ((n 0))
  (if (eq? (g) 'done)
      (report "to the end" n)
      (loop (+ n 1))))

;; Asking a finished generator again enters nothing.
(g)
(g)
(report "two more calls" 0)

;; Read only two elements: two entries.
(define h (counting-generator '(a b c d e)))
(h)
(h)
(report "two elements" 2)
