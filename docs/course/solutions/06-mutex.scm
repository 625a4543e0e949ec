;;; Chapter 6, exercise 2: a mutex from a channel.
;;;
;;; A channel with a buffer of one holds at most one value: putting a value
;;; in takes the lock (and blocks while another goroutine's value is
;;; there); taking it out releases the lock. with-mutex releases it in a
;;; dynamic-wind after thunk, so that an error (or a cancellation) in the
;;; critical section cannot leave the mutex locked for ever.

(define (make-mutex) (make-chan 1))
(define (with-mutex m thunk)
  (dynamic-wind
    (lambda () (send m 'locked))
    thunk
    (lambda () (recv m))))

(define (count-with increment!)
  (nursery
    (do ((i 0 (+ i 1))) ((= i 4))
      (go (do ((j 0 (+ j 1))) ((= j 100000))
            (increment!))))))

;; The racy version of section 6.3.
(define total 0)
(count-with (lambda ()
              (let ((old total))
                (set! total (+ old 1)))))
(println "without the mutex, updates lost:" (< total 400000))

;; With the mutex.
(define m (make-mutex))
(set! total 0)
(count-with (lambda ()
              (with-mutex m
                (lambda ()
                  (let ((old total))
                    (set! total (+ old 1)))))))
(println "with the mutex:" total)

;; An error in the critical section releases the mutex.
(println (guard (e ((error-object? e) (error-object-message e)))
           (with-mutex m (lambda () (error "failed while holding the mutex")))))
(println "locked after the error?" (= (chan-len m) 1))
(println (with-mutex m (lambda () "the mutex still works")))
