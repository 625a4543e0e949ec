package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestClosedLambda checks Lambda.closed: a nested lambda whose body
// refers to no enclosing variable is one closure for every evaluation,
// and one that does (directly, through an inner scope, a thunk, or a
// macro's expansion) still gets a closure of its own that sees the
// right variables. Each program's value is (same? . result): whether two
// calls of mk gave one closure, and what the closures compute.
func TestClosedLambda(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"closed: parameters and globals only", `
(define (mk a) (lambda (x) (list x (car '(g)))))
(cons (eq? (mk 1) (mk 2)) ((mk 3) 4))`, "(#t 4 g)"},
		{"closed: its own let and inner lambda", `
(define (mk a) (lambda (x) (let ((y (* x 2))) ((lambda (z) (+ y z)) x))))
(cons (eq? (mk 1) (mk 2)) ((mk 3) 4))`, "(#t . 12)"},
		{"closed thunk", `
(define (mk a) (lambda () 'k))
(cons (eq? (mk 1) (mk 2)) ((mk 3)))`, "(#t . k)"},
		{"open: a parameter of the enclosing procedure", `
(define (mk a) (lambda (x) (+ a x)))
(cons (eq? (mk 1) (mk 2)) (list ((mk 1) 10) ((mk 2) 10)))`, "(#f 11 12)"},
		{"open: only from an inner let", `
(define (mk a) (lambda (x) (let ((y x)) (+ a y))))
(cons (eq? (mk 1) (mk 2)) (list ((mk 1) 10) ((mk 2) 10)))`, "(#f 11 12)"},
		{"open: only from an inner lambda", `
(define (mk a) (lambda (x) (lambda () (+ a x))))
(cons (eq? (mk 1) (mk 2)) (list (((mk 1) 10)) (((mk 2) 10))))`, "(#f 11 12)"},
		{"open thunk", `
(define (mk a) (lambda () a))
(cons (eq? (mk 1) (mk 2)) (list ((mk 1)) ((mk 2))))`, "(#f 1 2)"},
		{"open: set! of an enclosing variable", `
(define (mk a) (cons (lambda (v) (set! a v)) (lambda () a)))
(define p (mk 1))
((car p) 5)
(cons (eq? (car (mk 1)) (car (mk 2))) ((cdr p)))`, "(#f . 5)"},
		{"open: through a local macro's expansion", `
(define (mk a)
  (let-syntax ((get-a (syntax-rules () ((_) a))))
    (lambda (x) (+ x (get-a)))))
(cons (eq? (mk 1) (mk 2)) (list ((mk 1) 10) ((mk 2) 10)))`, "(#f 11 12)"},
		{"open: a named let's loop variable", `
(define (mk n)
  (let loop ((i 0) (acc '()))
    (if (= i n) acc (loop (+ i 1) (cons (lambda () i) acc)))))
(cons (eq? (car (mk 2)) (cadr (mk 2))) (map (lambda (f) (f)) (mk 3)))`, "(#f 2 1 0)"},
		{"closed lambda outlives a recycled record", `
(define (mk a) (let ((f (lambda (x) (* x x)))) f))
(define (spin n acc) (if (= n 0) acc (spin (- n 1) (+ acc ((mk n) 2)))))
(cons (eq? (mk 1) (mk 2)) (spin 1000 0))`, "(#t . 4000)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, evalAll(t, tt.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
