;;; dynamic-wind: before/after thunks on entry and exit through normal
;;; returns, escapes and re-entries (report 6.10), and exit (6.14).

(define (show . xs) (for-each display xs) (newline))

;; The report's example.
(show
  (let ((path '())
        (c #f))
    (let ((add (lambda (s) (set! path (cons s path)))))
      (dynamic-wind
        (lambda () (add 'connect))
        (lambda ()
          (add (call-with-current-continuation
                 (lambda (c0) (set! c c0) 'talk1))))
        (lambda () (add 'disconnect)))
      (if (< (length path) 4)
          (c 'talk2)
          (reverse path)))))

(define trace '())
(define (note x) (set! trace (cons x trace)))
(define (take-trace) (let ((t (reverse trace))) (set! trace '()) t))

;; Values pass through dynamic-wind.
(show (dynamic-wind (lambda () (note 'in)) (lambda () 42) (lambda () (note 'out))))
(show (call-with-values
        (lambda () (dynamic-wind (lambda () #f) (lambda () (values 1 2)) (lambda () #f)))
        list))
(show (take-trace))

;; Escaping out of two nested extents runs the afters innermost first.
(note (call-with-current-continuation
        (lambda (esc)
          (dynamic-wind
            (lambda () (note 'before1))
            (lambda ()
              (dynamic-wind
                (lambda () (note 'before2))
                (lambda () (esc 'escaped) (note 'not-here))
                (lambda () (note 'after2))))
            (lambda () (note 'after1))))))
(show (take-trace))

;; Re-entering two nested extents runs the befores outermost first.
(define k-inner #f)
(define (nested)
  (dynamic-wind
    (lambda () (note 'in-a))
    (lambda ()
      (dynamic-wind
        (lambda () (note 'in-b))
        (lambda () (call-with-current-continuation
                     (lambda (k) (set! k-inner k) (note 'body) 'first)))
        (lambda () (note 'out-b))))
    (lambda () (note 'out-a))))
(define (run-nested)
  (let ((n 0))
    (let ((r (nested)))
      (note (list 'got r))
      (set! n (+ n 1))
      (if (= n 1) (k-inner 'second))
      (take-trace))))
(show (run-nested))

;; Jumping from one extent into a sibling extent: leave B, enter A.
(let ((ka #f) (done #f))
  (dynamic-wind
    (lambda () (note 'a-in))
    (lambda () (call-with-current-continuation (lambda (k) (set! ka k))) (note 'a-body))
    (lambda () (note 'a-out)))
  (if (not done)
      (begin
        (set! done #t)
        (dynamic-wind
          (lambda () (note 'b-in))
          (lambda () (ka #f))
          (lambda () (note 'b-out))))))
(show (take-trace))

;; The common ancestor C is neither left nor re-entered.
(let ((ka #f) (done #f))
  (dynamic-wind
    (lambda () (note 'c-in))
    (lambda ()
      (dynamic-wind
        (lambda () (note 'a-in))
        (lambda () (call-with-current-continuation (lambda (k) (set! ka k))))
        (lambda () (note 'a-out)))
      (if (not done)
          (begin
            (set! done #t)
            (dynamic-wind
              (lambda () (note 'b-in))
              (lambda () (ka 'x))
              (lambda () (note 'b-out))))))
    (lambda () (note 'c-out))))
(show (take-trace))

;; An error escaping through extents (caught by guard) runs the afters.
(show (guard (e ((symbol? e) (note (list 'caught e)) 'handled))
        (dynamic-wind
          (lambda () (note 'in))
          (lambda () (raise 'oops))
          (lambda () (note 'out)))))
(show (take-trace))

;; The before thunk runs outside the extent, so escaping from it runs no
;; after thunk of that extent.
(note (call-with-current-continuation
        (lambda (k)
          (dynamic-wind
            (lambda () (note 'before) (k 'left-from-before))
            (lambda () (note 'body))
            (lambda () (note 'after))))))
(show (take-trace))

;; Escaping from an after thunk. The report leaves jumping out of a
;; before/after call unspecified; contigo runs each after thunk outside its
;; own extent, as an ordinary call, so the escape is an ordinary escape
;; from there.
(note (call-with-current-continuation
        (lambda (esc)
          (dynamic-wind
            (lambda () (note 'in))
            (lambda () (note 'body) 'normal)
            (lambda () (note 'after) (esc 'from-after))))))
(show (take-trace))

;; An after thunk that redirects an escape already in progress: the jump
;; to outer is abandoned for mid; the outer extent is then left normally.
(note (call-with-current-continuation
        (lambda (outer)
          (dynamic-wind
            (lambda () (note 'in1))
            (lambda ()
              (note (call-with-current-continuation
                      (lambda (mid)
                        (dynamic-wind
                          (lambda () (note 'in2))
                          (lambda () (outer 'to-outer))
                          (lambda () (note 'out2) (mid 'redirected))))))
              'finished)
            (lambda () (note 'out1))))))
(show (take-trace))

;; Many escapes out of an extent in a loop: each runs the after once.
(define outs 0)
(let loop ((i 0))
  (if (< i 10000)
      (begin
        (call-with-current-continuation
          (lambda (k)
            (dynamic-wind
              (lambda () #f)
              (lambda () (k i))
              (lambda () (set! outs (+ outs 1))))))
        (loop (+ i 1)))))
(show outs)

;; exit runs the after thunks of every extent it leaves, innermost
;; first, and does not return.
(dynamic-wind
  (lambda () (show "enter outer"))
  (lambda ()
    (dynamic-wind
      (lambda () (show "enter inner"))
      (lambda () (exit 3) (show "not reached"))
      (lambda () (show "inner after"))))
  (lambda () (show "outer after")))
(show "not reached either")
