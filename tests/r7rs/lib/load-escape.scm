;;; Loaded by 6.14.scm: escapes through a continuation captured outside.
(define before-escape 'yes)
(load-k 'escaped)
(define after-escape 'yes)
