;;; list: the list of print.scm, made and measured but not printed.
(display (length (iota 10000000)))
