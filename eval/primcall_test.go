package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPrimCallDemotedInsideDirectCall checks that a call compiled with
// inlined primitive operands evaluates them through frames once one of
// those primitives is redefined. It used to pass #<nil> for the operand
// (r4rstest.scm's section 5 2 1 redefines + and then sets it back).
func TestPrimCallDemotedInsideDirectCall(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"operand of a closure call", `
(define (count-up x) (do ((i 0 (+ i 1))) ((> (* i i) x) (- i 1))))
(define saved +)
(set! + (lambda (a b) (saved a b)))
(count-up 900)`, "30"},
		{"redefined and restored", `
(define (f x) (list (+ x 1) (* x 2)))
(define old +)
(define + (lambda (a b) (list 'plus a b)))
(define first (f 1))
(set! + old)
(list first (f 1))`, "(((plus 1 1) 2) (2 2))"},
		{"nested in another primitive", `
(define (g x) (list (car (cons (+ x 1) '()))))
(g 1)
(set! car cdr)
(g 1)`, "(())"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, evalAll(t, tt.src)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
