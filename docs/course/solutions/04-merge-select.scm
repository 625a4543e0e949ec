;;; Chapter 4, exercise 1: merging two channels with select.
;;;
;;; One goroutine selects on both inputs. A closed input is always ready
;;; (it gives eof at once), so when an input closes, the loop replaces it
;;; with `never`, a channel nobody sends on or closes: a select clause on it
;;; is never ready, like a clause on a nil channel in Go. When both inputs
;;; are `never`, the output is closed.
;;;
;;; (This treats an eof object *sent* on an input as the end of it: recv
;;; and select cannot tell the two apart.)

(define never (make-chan))

(define (merge a b)
  (let ((out (make-chan)))
    (go (let loop ((a a) (b b))
          (if (and (eq? a never) (eq? b never))
              (close-chan out)
              (select ((recv a v)
                       (cond ((eof-object? v) (loop never b))
                             (else (send out v) (loop a b))))
                      ((recv b v)
                       (cond ((eof-object? v) (loop a never))
                             (else (send out v) (loop a b))))))))
    out))

(define (source name n)
  (let ((ch (make-chan)))
    (go (do ((i 1 (+ i 1))) ((> i n))
          (send ch (string-append name (number->string i))))
        (close-chan ch))
    ch))

;; The order between the two sources depends on select's random choice;
;; the order within each source is kept.
(define received '())
(for-range (x (merge (source "a" 3) (source "b" 5)))
  (set! received (cons x received)))
(set! received (reverse received))

(define (from prefix)
  (filter (lambda (s) (string=? (substring s 0 1) prefix)) received))
(write (from "a"))
(newline)
(write (from "b"))
(newline)

;; Both inputs already closed: the output closes at once.
(define closed (make-chan))
(close-chan closed)
(write (recv (merge closed closed)))
(newline)
