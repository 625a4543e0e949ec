;;; print: display a list of 10,000,000 numbers (bench/memory.sh sends
;;; it to /dev/null). For peak RSS beside list.scm.
(display (iota 10000000))
