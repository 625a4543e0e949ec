;;; Go's context: background-context, context-with-cancel,
;;; context-with-timeout, context-done, context-err.

(define (show . xs) (for-each display xs) (newline))

(define bg (background-context))
(show "background: done " (context-done bg) ", err " (context-err bg))

(define-values (ctx cancel) (context-with-cancel bg))
(show "err before: " (context-err ctx))
(show "done before: " (select ((recv (context-done ctx)) 'closed) (else 'open)))
(cancel)
(show "err after: " (context-err ctx))
(show "done after: " (select ((recv (context-done ctx)) 'closed) (else 'open)))
(cancel)   ; cancelling twice is harmless
(show "still: " (context-err ctx))

;; Cancellation flows down to derived contexts, not up.
(define-values (parent cancel-parent) (context-with-cancel bg))
(define-values (child cancel-child) (context-with-cancel parent))
(define-values (grandchild cancel-grandchild) (context-with-timeout child 100000))
(cancel-child)
(show "child: " (context-err child) ", grandchild: " (context-err grandchild)
      ", parent: " (context-err parent))
(cancel-parent)
;; Deriving from a cancelled context gives a cancelled one.
(define-values (late cancel-late) (context-with-cancel parent))
(show "derived from cancelled: " (context-err late))

;; A timeout.
(define-values (tctx tcancel) (context-with-timeout bg 10))
(recv (context-done tctx))
(show "timeout: " (context-err tctx))
(tcancel)
(show "cancel after the deadline keeps its error: " (context-err tctx))

;; A worker that stops when its context is done (Go's select on
;; ctx.Done()).
(define (worker ctx out)
  (let loop ((i 0))
    (select ((recv (context-done ctx)) (send out (list 'stopped (context-err ctx))))
            (else (sleep 1) (loop (+ i 1))))))
(define out (make-chan))
(define-values (wctx wcancel) (context-with-timeout bg 15))
(go (worker wctx out))
(show (recv out))

(show (guard (e ((error-object? e) (error-object-message e))) (context-err 5)))
(show (guard (e ((error-object? e) (error-object-message e))) (context-with-timeout bg 'x)))
