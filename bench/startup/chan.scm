;;; The smallest program that uses goroutines and channels: what their
;;; first use adds to a start (the library procedures that go, send and
;;; recv reach are compiled at their first call). contigo only:
;;;   bash bench/compare.sh --instr --runs 1 OLD NEW startup/chan
(define c (make-chan))
(go (send c 1))
(display (recv c))
