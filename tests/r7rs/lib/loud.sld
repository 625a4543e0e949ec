;;; (lib loud) exports its own display, which (lib shapes) imports: the
;;; program's display is not affected.
(define-library (lib loud)
  (export (rename loud-display display))
  (import (scheme base) (scheme char) (prefix (scheme write) w:))
  (begin
    (define (loud-display x)
      (w:display (if (string? x) (string-upcase x) x)))))
