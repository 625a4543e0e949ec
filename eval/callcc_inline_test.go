package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInlineCallCC(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"escape", `(+ 1 (call/cc (lambda (k) (+ 10 (k 41)))))`, "42"},
		{"normal return", `(call-with-current-continuation (lambda (k) 'plain))`, "plain"},
		{"re-entry", `
(define saved #f)
(define (f) (+ 100 (call/cc (lambda (k) (set! saved k) 0))))
(let ((results '()) (count 0))
  (set! results (cons (f) results))   ; re-entered twice below
  (set! count (+ count 1))
  (if (< count 3) (saved (* count 10)))
  results)`, "(120 110 100)"},
		{"rebound after compile", `
(define (g) (+ 1 (call/cc (lambda (k) (k 1)))))
(define log '())
(set! call/cc (lambda (f) (set! log (cons 'mine log)) (call-with-current-continuation f)))
(list (g) log)`, "(2 (mine))"},
		{"shadowed lexically", `
(let ((call/cc (lambda (f) (f 'not-a-continuation))))
  (call/cc (lambda (k) k)))`, "not-a-continuation"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, evalAll(t, tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestThunkWithoutScope checks thunks that run in their closure's
// environment: variables are still found at the right depth, and the body
// is not mistaken for top level.
func TestThunkWithoutScope(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"outer variables", `
(define (make-counter)
  (let ((n 0))
    (lambda () (set! n (+ n 1)) n)))
(define c (make-counter))
(c) (c)
(c)`, "3"},
		{"nested thunks and depths", `
(define (f a)
  (let ((b (* a 10)))
    ((lambda () (let ((c (+ b 1))) ((lambda () (list a b c))))))))
(f 2)`, "(2 20 21)"},
		{"thunk with a definition keeps its scope", `
(define (g x) ((lambda () (define y (* x 2)) (+ x y))))
(g 5)`, "15"},
		{"dynamic-wind thunks", `
(define log '())
(dynamic-wind (lambda () (set! log (cons 'in log)))
              (lambda () (set! log (cons 'body log)))
              (lambda () (set! log (cons 'out log))))
(reverse log)`, "(in body out)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, evalAll(t, tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestDirectContinuationCall checks (k v) with an immediate operand, which
// the evaluator delivers without the general call path: it must still
// recycle the caller's records only when it may, travel between
// dynamic-wind extents, and refuse a continuation of another thread.
func TestDirectContinuationCall(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"generator re-enters both sides", `
(define (make-gen n)
  (define return #f)
  (define resume #f)
  (define (yield v) (call/cc (lambda (k) (set! resume k) (return v))))
  (lambda ()
    (call/cc (lambda (r)
      (set! return r)
      (if resume
          (resume #f)
          (begin (let loop ((i 1)) (if (<= i n) (begin (yield i) (loop (+ i 1)))))
                 (return 'done)))))))
(define g (make-gen 100))
(let loop ((acc 0))
  (let ((v (g)))
    (if (eq? v 'done) acc (loop (+ acc v)))))`, "5050"},
		{"leaves a dynamic-wind extent", `
(define trail '())
(define (note x) (set! trail (cons x trail)))
(define v (call/cc (lambda (k)
  (dynamic-wind (lambda () (note 'in))
                (lambda () (let ((x 'out)) (k x)))
                (lambda () (note 'after))))))
(list v (reverse trail))`, "(out (in after))"},
		{"multiple values", `
(call-with-values (lambda () (call/cc (lambda (k) (k 1)))) list)`, "(1)"},
		{"another thread's continuation", `
(let ((saved #f))
  (define (resume-it x) (saved x))
  (set-thread! 'g1)
  (call/cc (lambda (k) (set! saved k)))
  (set-thread! 'g2)
  (guard (e ((error-object? e) (error-object-message e))) (resume-it 1)))`,
			`"cannot resume a continuation captured in another goroutine (g1) from this one (g2)"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, evalAll(t, setThread+tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
