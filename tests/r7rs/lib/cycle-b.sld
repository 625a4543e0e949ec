(define-library (lib cycle-b) (export b) (import (scheme base) (lib cycle-a)) (begin (define b 2)))
