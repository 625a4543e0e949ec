;;; Go by Example: Mutexes. Three goroutines increment named counters in a
;;; hash table, two of them the same counter. An increment reads the
;;; counter, lets other goroutines run (yield, standing for any work done
;;; in between), and writes it back: without the lock, two goroutines
;;; could read the same value and one increment would be lost.
;;;
;;; contigo has no mutex type; a channel with a buffer of one is one.
;;; Locking sends a value into it, which blocks while the buffer is full,
;;; that is while another goroutine holds the lock; unlocking receives
;;; the value back. dynamic-wind plays the part of Go's defer: the lock is
;;; released when the body returns or raises an error. (Switching
;;; goroutines does not run the after thunk: only leaving the body does.
;;; And a goroutine cancelled by its nursery does not release it: the
;;; after thunk's recv is a checkpoint, which raises the cancellation
;;; again before it receives.)
;;;
;;;   contigo gbe-mutexes.scm

(define (make-mutex) (make-chan 1))
(define (lock! m) (send m #t))
(define (unlock! m) (recv m))
(define (with-mutex m thunk)
  (dynamic-wind
    (lambda () (lock! m))
    thunk
    (lambda () (unlock! m))))

;; A container is (mutex . counters).
(define (make-container)
  (let ((counters (make-hash-table)))
    (hash-table-set! counters "a" 0)
    (hash-table-set! counters "b" 0)
    (cons (make-mutex) counters)))

(define (inc! c name)
  (with-mutex (car c)
    (lambda ()
      (let ((n (hash-table-ref/default (cdr c) name 0)))
        (yield)
        (hash-table-set! (cdr c) name (+ n 1))))))

(define c (make-container))

(define (do-increment name n)
  (do ((i 0 (+ i 1))) ((= i n))
    (inc! c name)))

(nursery
  (go (do-increment "a" 1000))
  (go (do-increment "a" 1000))
  (go (do-increment "b" 1000)))

(for-each (lambda (name)
            (display name)
            (display " ")
            (display (hash-table-ref/default (cdr c) name 0))
            (newline))
          (list-sort string<? (hash-table-keys (cdr c))))
