;;; idle: the baseline for blocked.scm.
(display "blocked 0") (newline)
