;;; A worker pool with a wait group: three workers take jobs from a
;;; channel and send their results on another; a goroutine closes the
;;; results once the wait group says every worker is done, which ends the
;;; main program's for-range.
;;;
;;;   contigo waitgroup-pool.scm

(define (worker id jobs results wg)
  (dynamic-wind                          ; Go's defer wg.Done()
    (lambda () #f)
    (lambda ()
      (for-range (j jobs)
        (sleep 1)
        (send results (string-append "job " (number->string j)
                                     " squared is " (number->string (* j j))))))
    (lambda () (wait-group-done! wg))))

(define jobs (make-chan 100))
(define results (make-chan 100))
(define wg (make-wait-group))
(do ((w 1 (+ w 1))) ((> w 3))
  (wait-group-add! wg 1)
  (go (worker w jobs results wg)))
(do ((j 1 (+ j 1))) ((> j 9))
  (send jobs j))
(close-chan jobs)
(go (wait-group-wait wg)
    (close-chan results))
;; The workers finish in an order that depends on scheduling: sort.
(define lines '())
(for-range (r results)
  (set! lines (cons r lines)))
(for-each (lambda (l) (display l) (newline)) (list-sort string<? lines))
(display (length lines))
(display " results; all workers done")
(newline)
