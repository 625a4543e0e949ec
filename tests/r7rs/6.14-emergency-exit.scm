;;; Report section 6.14: emergency-exit does not run dynamic-wind after
;;; thunks, and exits with the status it is given.
(dynamic-wind
  (lambda () #f)
  (lambda () (display "leaving") (newline) (emergency-exit 4))
  (lambda () (display "after: not printed") (newline)))
(display "not reached")
(newline)
