;;; Chapter 4, exercise 3: select without tickets, and what it loses.
;;;
;;; bad-recv-either races two goroutines, each receiving from one channel
;;; and forwarding to a result channel. The first result is returned; but
;;; the other goroutine also receives: it takes its value out of its
;;; channel and then blocks forever trying to forward it, since nobody reads
;;; the result channel any more. The value is lost to everybody else, and
;;; the goroutine leaks. A real select waits on both channels with one
;;; ticket, and performs exactly one of the two receives.

;; The result channel is kept here only for the post-mortem at the end.
(define lost-and-found #f)

(define (bad-recv-either a b)
  (let ((result (make-chan)))
    (set! lost-and-found result)
    (go (send result (recv a)))
    (go (send result (recv b)))
    (recv result)))

(define a (make-chan 1))
(define b (make-chan 1))
(send a 'x)
(send b 'y)
(println "bad-recv-either:" (bad-recv-either a b))
(println "values left in a and b:" (+ (chan-len a) (chan-len b)))
(println "goroutines:" (goroutines))

;; With select, the value that is not chosen stays in its channel.
(define c (make-chan 1))
(define d (make-chan 1))
(send c 'x)
(send d 'y)
(select ((recv c v) (println "select took one value"))
        ((recv d v) (println "select took one value")))
(println "values left in c and d:" (+ (chan-len c) (chan-len d)))

;; Where did y go? The blocked goroutine holds it, waiting to send it on
;; the result channel that bad-recv-either made and dropped. Without the
;; post-mortem variable, nobody could ever receive it: the goroutine would
;; be stuck for good, and contigo, running this as a file, would end with
;; a deadlock report listing "goroutine 3 [chan send]".
(println "the lost value:" (recv lost-and-found))
(yield)                       ; let goroutine 3 finish
(println "goroutines:" (goroutines))
