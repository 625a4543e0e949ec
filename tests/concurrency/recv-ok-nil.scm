;;; recv-ok and the select clause ((recv ch v ok) ...) (Go's v, ok := <-ch),
;;; and #f as Go's nil channel.

(define (show . xs) (for-each display xs) (newline))
(define (show-values thunk) (call-with-values thunk (lambda vs (show vs))))

(define ch (make-chan 2))
(send ch 'a)
(send ch #f)
(close-chan ch)
(show-values (lambda () (recv-ok ch)))
(show-values (lambda () (recv-ok ch)))   ; #f sent is still ok
(show-values (lambda () (recv-ok ch)))   ; closed and drained

;; recv-ok blocks like recv, and wakes on close.
(define u (make-chan))
(nursery
  (go (sleep 5) (send u 'late))
  (show-values (lambda () (recv-ok u))))
(nursery
  (go (sleep 5) (close-chan u))
  (show-values (lambda () (recv-ok u))))

;; The select clause.
(define c2 (make-chan 1))
(send c2 'x)
(show (select ((recv c2 v ok) (list v ok))))
(close-chan c2)
(show (select ((recv c2 v ok) (list (eof-object? v) ok))))

;; A nil channel's clause is switched off: Go's way to stop listening to
;; a channel, as in this merge of two channels that close.
(define (merge a b)
  (let loop ((a a) (b b) (acc '()))
    (if (or a b)
        (select ((recv a v ok) (if ok (loop a b (cons v acc)) (loop #f b acc)))
                ((recv b v ok) (if ok (loop a b (cons v acc)) (loop a #f acc))))
        (reverse acc))))
(define a (make-chan))
(define b (make-chan))
(go (send a 1) (send a 2) (close-chan a))
(go (send b 10) (close-chan b))
(show (list-sort < (merge a b)))

;; A select whose only case is nil, with else: else.
(show (select ((recv #f v) v) ((send #f 1) 'sent) (else 'nothing-ready)))

;; recv and send on #f block forever: cancellation ends them, and a
;; deadlock report says so.
(show (move-on-after 10 (recv #f)))
(show (guard (e ((error-object? e) (error-object-message e))) (recv #f)))
(show (guard (e ((error-object? e) (error-object-message e))) (recv 'x)))
(show (guard (e ((error-object? e) (error-object-message e))) (select ((recv 'x) 1))))
(show (guard (e ((error-object? e) (error-object-message e))) (recv-ok 5)))
