;;; (lib shapes): exports from include-library-declarations, private
;;; imports under other names, cond-expand declarations, and a definition
;;; that shadows a (scheme base) name inside the library only.
(define-library (lib shapes)
  (include-library-declarations "shapes-exports.scm")
  (import (scheme base)
          (rename (lib stack) (push! stack-push!))
          (lib loud))
  (cond-expand
    (r7rs (begin (define dialect 'r7rs)))
    (else (begin (define dialect 'other))))
  (cond-expand
    ((library (lib stack)) (begin (define has-stack #t)))
    (else (begin (define has-stack #f))))
  (begin
    (define-record-type shape (make-shape kind size) shape? (kind shape-kind) (size shape-size))
    (define (square n) (make-shape 'square n))
    (define (area s)
      (case (shape-kind s)
        ((square) (* (shape-size s) (shape-size s)))
        (else 'unknown)))
    (define counter 0)
    (define (count!) (set! counter (+ counter 1)) counter)
    (define (collect . xs)
      (let ((s (make-stack)))
        (for-each (lambda (x) (stack-push! s x)) xs)
        (let loop ((acc '()))
          (if (stack-empty? s) acc (loop (cons (pop! s) acc))))))
    (define (announce x) (display x) (newline))))
