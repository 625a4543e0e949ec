;;; The smallest program: what a start costs (bench/startup.sh).
(display 1)
