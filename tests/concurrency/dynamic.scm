;;; Per-goroutine dynamic state: dynamic-wind extents, parameterize
;;; bindings and exception handlers belong to their goroutine. Switching
;;; goroutines runs no before/after thunks; call/cc and dynamic-wind
;;; inside a goroutine behave as in a single-threaded program.

(define (show . xs) (for-each display xs) (newline))

;;;; Switching runs no wind thunks.
(define log '())
(define (note x) (set! log (cons x log)))
(define c (make-chan))
(nursery
  (go (dynamic-wind
        (lambda () (note 'a-in))
        (lambda () (note (recv c)) (note (recv c)))
        (lambda () (note 'a-out))))
  (go (dynamic-wind
        (lambda () (note 'b-in))
        (lambda () (send c 'b-sent-1) (yield) (send c 'b-sent-2))
        (lambda () (note 'b-out)))))
(show (reverse log))

;; Main's own extent is not left when it blocks.
(set! log '())
(dynamic-wind
  (lambda () (note 'main-in))
  (lambda () (go (note 'child)) (sleep 1) (note 'main-woke))
  (lambda () (note 'main-out)))
(show (reverse log))

;;;; Parameters: a child starts with its creator's bindings; its own
;;;; parameterize affects only itself.
(define p (make-parameter 'global))
(define results (make-chan 10))
(parameterize ((p 'outer))
  (go (send results (list 'child-sees (p)))))
(show (recv results))
(go (parameterize ((p 'child-binding))
      (yield)
      (send results (list 'child-own (p)))))
(yield)
(show "main sees " (p) " while the child has its binding")
(show (recv results))
(parameterize ((p 'main-binding))
  (go (send results (list 'spawned-in-extent (p))))
  (sleep 1))
(show (recv results))
;; A converter runs once, in the creator.
(define q (make-parameter 1 (lambda (x) (* x 10))))
(parameterize ((q 2)) (go (send results (q))))
(show (recv results))

;; current-output-port is a parameter too: output of a child started in
;; its extent goes where the parent's went.
(define out (open-output-string))
(parameterize ((current-output-port out))
  (nursery (go (display "captured by the child"))))
(show (get-output-string out))

;;;; Exception handlers: a guard around go does not catch the child's
;;;; error (it goes to the nursery); a guard inside the goroutine does.
(show (guard (e (#t 'caught-in-parent))
        (nursery
          (go (guard (e ((symbol? e) (send results (list 'child-caught e))))
                (raise 'oops)))
          'parent-not-involved)))
(show (recv results))
(show (guard (e (#t (list 'the-nursery-raised e)))
        (nursery
          (guard (e (#t 'guard-around-go-caught-it))
            (go (raise 'escapes-the-guard)))
          (sleep 1)
          'body-finished)))
;; with-exception-handler with raise-continuable, in a goroutine.
(go (send results (with-exception-handler
                    (lambda (e) (* e 2))
                    (lambda () (+ 1 (raise-continuable 20))))))
(show (recv results))

;;;; call/cc inside a goroutine: a generator, and an escape.
(define (make-generator lst)
  (define return #f)
  (define resume #f)
  (define (start)
    (for-each (lambda (x) (call/cc (lambda (k) (set! resume k) (return x)))) lst)
    (return 'done))
  (lambda ()
    (call/cc (lambda (r)
               (set! return r)
               (if resume (resume #f) (start))))))
(go (let ((g (make-generator '(1 2 3))))
      (let loop ((acc '()))
        (let ((v (g)))
          (yield)
          (if (eq? v 'done) (send results (reverse acc)) (loop (cons v acc)))))))
(show (recv results))
(go (send results (call/cc (lambda (k) (dynamic-wind (lambda () #f) (lambda () (k 'escaped)) (lambda () (note 'unwound)))))))
(set! log '())
(show (recv results) " " log)
