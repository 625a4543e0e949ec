package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// TestInternalErrorNotCaught checks that a Go panic inside a primitive is
// reported as a bug in contigo, and that the program's guard, handlers
// and dynamic-wind do not see it as a Scheme error: the evaluation stops,
// with the output printed before it kept.
func TestInternalErrorNotCaught(t *testing.T) {
	tests := []struct {
		name, src, wantOut string
		noPos              bool // eval'd data carry no positions
	}{
		{"plain", `(display "before") (%test-panic)`, "before", false},
		{"guard", `(display "before") (guard (e (#t (display "caught"))) (%test-panic))`, "before", false},
		{"handler", `(display "before")
(with-exception-handler (lambda (e) (display "handled") 0) (lambda () (+ 1 (%test-panic))))`, "before", false},
		{"go runtime error", `(display "before") (guard (e (#t (display "caught"))) (%test-index))`, "before", false},
		{"applied from Go", `(display "before") (guard (e (#t (display "caught"))) (apply %test-panic '()))`, "before", false},
		{"inside eval", `(display "before") (guard (e (#t (display "caught"))) (eval '(%test-panic)))`, "before", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			in, err := New(Options{Stdout: &out})
			if err != nil {
				t.Fatal(err)
			}
			in.Define("%test-panic", prim("%test-panic", 0, 0, func([]V) (V, error) { panic("deliberate") }))
			in.Define("%test-index", prim("%test-index", 0, 0, func([]V) (V, error) {
				var items []V
				return items[len(items)+1], nil
			}))
			forms, srcmap, err := ReadForms(tc.src, "test")
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range forms {
				if _, err = in.Eval(f, srcmap); err != nil {
					break
				}
			}
			in.Flush()
			if diff := cmp.Diff(tc.wantOut, out.String()); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.Contains(msg, "internal error: ") || !strings.HasSuffix(msg, "(this is a bug in contigo; please report it)") {
				t.Errorf("error %q does not report an internal error", msg)
			}
			if !tc.noPos && !strings.HasPrefix(msg, "test:") {
				t.Errorf("error %q is not positioned at the call", msg)
			}
			// The interpreter stays usable after the bug.
			v, err := in.Eval(value.List(value.Intern("+"), value.Int(1), value.Int(2)), nil)
			if err != nil || value.WriteString(v) != "3" {
				t.Errorf("after the internal error: (+ 1 2) = %v, %v", v, err)
			}
		})
	}
}
