;;; A pipeline cancelled through a context: gen sends 1, 2, 3, ... for
;;; ever, sq squares what it receives; the main program takes five
;;; squares and cancels the context, which stops both stages (each
;;; selects on the context's done channel as it sends); a wait group
;;; tells the main program they have stopped.
;;;
;;;   contigo context-pipeline.scm

(define (println . xs) (for-each display xs) (newline))

(define (gen ctx wg)
  (let ((out (make-chan)))
    (wait-group-add! wg 1)
    (go (dynamic-wind                   ; defer wg.Done(); defer close(out)
          (lambda () #f)
          (lambda ()
            (let loop ((i 1))
              (select ((send out i) (loop (+ i 1)))
                      ((recv (context-done ctx)) 'stopped))))
          (lambda () (close-chan out) (wait-group-done! wg))))
    out))

(define (sq ctx in wg)
  (let ((out (make-chan)))
    (wait-group-add! wg 1)
    (go (dynamic-wind
          (lambda () #f)
          (lambda ()
            (let loop ()
              (let ((n (recv in)))
                (if (not (eof-object? n))
                    (select ((send out (* n n)) (loop))
                            ((recv (context-done ctx)) 'stopped))))))
          (lambda () (close-chan out) (wait-group-done! wg))))
    out))

(define-values (ctx cancel) (context-with-cancel (background-context)))
(define wg (make-wait-group))
(define squares (sq ctx (gen ctx wg) wg))
(do ((i 0 (+ i 1))) ((= i 5))
  (println (recv squares)))
(cancel)
(wait-group-wait wg)
(println "pipeline stopped: " (context-err ctx))
