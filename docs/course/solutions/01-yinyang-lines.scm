;;; Exercise 1.3: the yin-yang puzzle, one round per line, stopped after
;;; a number of lines.
;;;
;;; Each @ but the first starts a new line. The @ that would start line
;;; lines + 1 escapes instead, through the continuation stop captured
;;; before the puzzle started.

(define (yin-yang-lines lines)
  (call/cc
    (lambda (stop)
      (let ((count 0))
        (define (at)
          (if (> count 0) (newline))
          (set! count (+ count 1))
          (if (> count lines) (stop 'stopped))
          (display #\@))
        (let* ((yin ((lambda (cc) (at) cc) (call/cc (lambda (c) c))))
               (yang ((lambda (cc) (display #\*) cc) (call/cc (lambda (c) c)))))
          (yin yang))))))

(yin-yang-lines 6)
