;;; (sleep +inf.0) uncaught: a clear error and status 1, nothing hangs.
(display "before")
(newline)
(sleep +inf.0)
