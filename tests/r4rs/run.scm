;;; Runs Aubrey Jaffer's r4rstest.scm in full: the main tests, the inexact
;;; and bignum tests it starts by itself, and the three optional ones it
;;; leaves to the user (continuations, R4RS's non-IEEE procedures, delay
;;; and force). Then prints every failure it recorded, one a line, for
;;; r4rs_test.go to compare with expected-failures.txt. R4RS programs are
;;; case-insensitive (the suite writes #\Space and expects 'abc and 'ABC
;;; to be one symbol), so it is read as R7RS reads such code: with case
;;; folding, by include-ci.
(include-ci "r4rstest.scm")
(test-cont)
(test-sc4)
(test-delay)
(newline)
(display "Failures:")
(newline)
(for-each (lambda (e) (write e) (newline)) (reverse errs))
