;;; Go by Example: Stateful Goroutines. Instead of guarding shared state
;;; with a lock, one goroutine owns it, and the others send it requests
;;; over channels: a read carries the key and a channel for the answer; a
;;; write the key, the value and a channel for the acknowledgement. Twenty
;;; readers read ten times each, five writers write ten times each, each
;;; its own key; then the main program reads the final state the same way.
;;;
;;; The operation counters are plain variables: (set! n (+ n 1)) cannot be
;;; split by a goroutine switch (see gbe-atomic-counters.scm).
;;;
;;;   contigo gbe-stateful-goroutines.scm

(define read-ops 0)
(define write-ops 0)

;; A read is (key . response channel); a write (key value . response
;; channel).
(define reads (make-chan))
(define writes (make-chan))
(define quit (make-chan))

;; The state's owner.
(go (let ((state (make-hash-table)))
      (let loop ()
        (select ((recv reads read)
                 (send (cdr read) (hash-table-ref/default state (car read) 0))
                 (loop))
                ((recv writes write)
                 (hash-table-set! state (car write) (cadr write))
                 (send (cddr write) #t)
                 (loop))
                ((recv quit))))))

(nursery
  (do ((r 0 (+ r 1))) ((= r 20))
    (go (do ((i 0 (+ i 1))) ((= i 10))
          (let ((read (cons (modulo (+ r i) 5) (make-chan))))
            (send reads read)
            (recv (cdr read))
            (set! read-ops (+ read-ops 1))
            (sleep 1)))))
  (do ((w 0 (+ w 1))) ((= w 5))
    (go (do ((i 0 (+ i 1))) ((= i 10))
          (let ((write (cons w (cons (+ (* w 100) i) (make-chan)))))
            (send writes write)
            (recv (cddr write))
            (set! write-ops (+ write-ops 1))
            (sleep 1))))))

(println "readOps:" read-ops)
(println "writeOps:" write-ops)
(do ((key 0 (+ key 1))) ((= key 5))
  (let ((read (cons key (make-chan))))
    (send reads read)
    (format #t "key ~a: ~a~%" key (recv (cdr read)))))
(close-chan quit)
