package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLetrecInitialisation checks reads of letrec and internal-define
// variables: an error where one can be read before it is initialised, and
// the right value where the compiler skips the check because no code can
// run before every variable of the scope is initialised.
func TestLetrecInitialisation(t *testing.T) {
	const catch = `(define-syntax message
  (syntax-rules () ((_ e) (guard (x ((error-object? x) (error-object-message x))) e))))
`
	tests := []struct{ name, src, want string }{
		// Checked: an initialiser runs code.
		{"letrec init calls a lambda that reads a later variable", `
(message (letrec ((a (lambda () b)) (c (a)) (b 1)) c))`,
			`"variable b used before its definition"`},
		{"internal define reads a later one", `
(define (f) (define a b) (define b 1) a)
(message (f))`, `"variable b used before its definition"`},
		{"an expression before a definition", `
(define (f) (define (g) x) (g) (define x 1) x)
(message (f))`, `"variable x used before its definition"`},
		{"letrec* order", `
(message (letrec* ((a 1) (b (+ a c)) (c 2)) b))`,
			`"variable c used before its definition"`},
		// Unchecked: every initialiser is a lambda or a constant.
		{"mutual recursion", `
(define (parity n)
  (define (ev? n) (if (= n 0) #t (od? (- n 1))))
  (define (od? n) (if (= n 0) #f (ev? (- n 1))))
  (define zero 0)
  (list (ev? n) (od? n) zero))
(parity 7)`, "(#f #t 0)"},
		{"named let", `
(let loop ((i 0) (acc '())) (if (= i 3) acc (loop (+ i 1) (cons i acc))))`, "(2 1 0)"},
		{"letrec of lambdas and quotes", `
(letrec ((f (lambda () (g))) (g (lambda () tag)) (tag 'ok)) (f))`, "ok"},
		{"set! of an unchecked variable", `
(define (f) (define n 0) (define (inc!) (set! n (+ n 1)) n) (inc!) (inc!))
(f)`, "2"},
		{"a local lambda keyword is not lambda", `
(define (f lambda) (define g (lambda 1)) g)
(f (lambda (x) (* x 10)))`, "10"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, evalAll(t, catch+tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
