;;; Report section 6.14: (exit #f) reports abnormal termination.
(display "bye")
(newline)
(exit #f)
