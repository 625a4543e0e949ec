;;; Concurrent ML / Racket events: first-class operations, combined with
;;; wrap-evt, guard-evt and choice-evt, performed by sync on the same
;;; operations as select.

(define (show . xs) (for-each display xs) (newline))

(define a (make-chan 1))
(send a 'from-a)
(show (sync (recv-evt a)))
(show (sync (wrap-evt (wrap-evt (recv-evt (begin (send a 1) a)) (lambda (x) (* x 10)))
                      (lambda (x) (+ x 1)))))

;; A choice over a list of channels made at run time (Go needs
;; reflect.Select): one receive event per channel, each wrapped with its
;; channel's index.
(define chans (list (make-chan) (make-chan) (make-chan)))
(go (sleep 5) (send (list-ref chans 2) 'third))
(define (index-evt ch i) (wrap-evt (recv-evt ch) (lambda (v) (list i v))))
(show (sync (apply choice-evt
                   (let loop ((cs chans) (i 0))
                     (if (null? cs) '() (cons (index-evt (car cs) i) (loop (cdr cs) (+ i 1))))))))

;; send-evt
(define u (make-chan))
(go (show "received " (recv u)))
(sync (send-evt u 'sent-by-event))
(sleep 1)

;; after-evt: ready ms after sync starts waiting; a timeout.
(show (sync (choice-evt (wrap-evt (recv-evt (make-chan)) (lambda (v) 'value))
                        (wrap-evt (after-evt 10) (lambda (t) 'timeout)))))

;; always-evt is ready at once (its result is itself); never-evt never.
(show (eq? (sync always-evt) always-evt))
(show (sync (choice-evt never-evt (wrap-evt always-evt (lambda (e) 'always)))))
(show (move-on-after 10 (sync never-evt)))

;; guard-evt makes its event when synced, each time.
(define made 0)
(define g (guard-evt (lambda () (set! made (+ made 1)) (wrap-evt always-evt (lambda (e) made)))))
(show (sync g) " " (sync g))

;; An event is a value: the same one synced twice performs twice.
(define b (make-chan 2))
(send b 1) (send b 2)
(define rb (recv-evt b))
(show (sync rb) " " (sync rb))

;; Fair choice: two ready events are both chosen, over many syncs.
(define x (make-chan 100))
(define y (make-chan 100))
(do ((i 0 (+ i 1))) ((= i 100)) (send x 'x) (send y 'y))
(define counts
  (let loop ((i 0) (nx 0))
    (if (= i 100) nx
        (loop (+ i 1) (if (eq? (sync (choice-evt (recv-evt x) (recv-evt y))) 'x) (+ nx 1) nx)))))
(show "both chosen: " (< 20 counts 80))

(show (guard (e ((error-object? e) (error-object-message e))) (sync 'x)))
(show (guard (e ((error-object? e) (error-object-message e))) (wrap-evt always-evt 5)))
(show (guard (e ((error-object? e) (error-object-message e))) (sync (guard-evt (lambda () 5)))))
(show (guard (e ((error-object? e) (error-object-message e))) (recv-evt 'x)))
