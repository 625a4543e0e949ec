;;; The yin-yang puzzle: each re-entry of yin's continuation prints one
;;; more star than the last. We stop after the first 60 characters.

(define printed 0)

(define (out c)
  (display c)
  (set! printed (+ printed 1))
  (if (= printed 60)
      (begin (newline) (exit 0))))

(let* ((yin ((lambda (cc) (out "@") cc)
             (call-with-current-continuation (lambda (c) c))))
       (yang ((lambda (cc) (out "*") cc)
              (call-with-current-continuation (lambda (c) c)))))
  (yin yang))

(display "not reached")
