package eval

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// backtraceOf runs src (file t.scm) form by form and returns the error
// line and backtrace of the error that stops it.
func backtraceOf(t *testing.T, src string) string {
	t.Helper()
	in, err := New(Options{Stdout: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	forms, srcmap, err := ReadForms(src, "t.scm")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range forms {
		if _, err := in.Eval(f, srcmap); err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %v is not an *Error", err)
			}
			return e.Error() + "\n" + e.Backtrace()
		}
	}
	t.Fatal("no error")
	return ""
}

// TestBacktraces checks what backtraces point at.
func TestBacktraces(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"a let-values frame points at its init", `
(define (g) (car '()))
(define (f) (let-values (((a b) (values 1 2)) ((c) (g))) (list a b c)))
(list (f))`, `t.scm:2:13: car: expected pair, got ()
backtrace (innermost first):
  g at t.scm:2:13
  f at t.scm:3:52
  <top level> at t.scm:4:7
`},
		{"tail calls between two frames are marked", `
(define (c) (car '()))
(define (b) (c))
(define (a) (list (b)))
(a)`, `t.scm:2:13: car: expected pair, got ()
backtrace (innermost first):
  c at t.scm:2:13
  (tail calls)
  a at t.scm:4:19
`},
		{"a loop by tail calls is marked, a recursion is not", `
(define (count n) (if (= n 0) (loop 0) (+ 1 (count (- n 1)))))
(define (loop i) (if (= i 3) (car i) (loop (+ i 1))))
(list (count 2))`, `t.scm:3:30: car: expected pair, got 3
backtrace (innermost first):
  loop at t.scm:3:30
  (tail calls)
  count at t.scm:2:45 (2 times)
  <top level> at t.scm:4:7
`},
		{"no marker without tail calls", `
(define (c) (car '()))
(define (a) (list (c)))
(list (a))`, `t.scm:2:13: car: expected pair, got ()
backtrace (innermost first):
  c at t.scm:2:13
  a at t.scm:3:19
  <top level> at t.scm:4:7
`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, backtraceOf(t, tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
