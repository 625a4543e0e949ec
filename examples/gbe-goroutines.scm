;;; Go by Example: Goroutines. A procedure called directly runs to the end
;;; before the program goes on; called with go, it runs concurrently. The
;;; lines of the two goroutines would come out in an order that depends on
;;; scheduling, so here they are sent to the main goroutine, which prints
;;; them sorted.
;;;
;;;   contigo gbe-goroutines.scm

;; f says three lines, through say.
(define (f from say)
  (do ((i 0 (+ i 1))) ((= i 3))
    (say (string-append from " : " (number->string i)))))

(f "direct" println)

(define lines (make-chan))
(define (send-line line) (send lines line))
(go (f "goroutine" send-line))
(go (send-line "going"))

;; Four lines will come, in some order.
(define got
  (let collect ((i 0) (got '()))
    (if (= i 4)
        got
        (collect (+ i 1) (cons (recv lines) got)))))
(for-each println (list-sort string<? got))
(println "done")
