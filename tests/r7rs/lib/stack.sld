;;; (lib stack): a library that 5.scm finds as lib/stack.sld relative to
;;; its own directory. Part of its body comes from an included file.
(define-library (lib stack)
  (export make-stack stack? push! pop! stack-empty? (rename stack-size size)
          push-twice! pushing)
  (import (scheme base))
  (include "stack-impl.scm")
  (begin
    ;; Not exported: hidden from importers.
    (define (twice x) (list x x))
    (define (push-twice! s x) (for-each (lambda (y) (push! s y)) (twice x)))
    ;; A macro whose expansion uses a name the library does not export.
    (define-syntax pushing
      (syntax-rules ()
        ((_ s x ...) (begin (push-one! s x) ...))))
    (define (push-one! s x) (push! s x))))
