(define load-bad (
