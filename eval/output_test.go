package eval

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOutputFlushing checks when standard output reaches its writer:
// at each line end with FlushLines (a terminal), only when flushed
// otherwise; and standard error goes out at once, after standard output,
// so one writer receiving both sees the program's order.
func TestOutputFlushing(t *testing.T) {
	tests := []struct {
		name       string
		flushLines bool
		src        string
		want       string // what the shared writer holds before Flush
	}{
		{"buffered", false, `(display "a\n") (display "b")`, ""},
		{"line by line", true, `(display "a\n") (display "b")`, "a\n"},
		{"newline flushes", true, `(display "a") (newline) (write-char #\b)`, "a\n"},
		{"a written list may end a line", true, `(display "a") (display '("x"))`, "a(x)"},
		{"stderr after stdout", false, `(display "out ") (display "err " (current-error-port)) (display "out2")`, "out err "},
		{"stderr at once", false, `(write-string "e1" (current-error-port)) (write-char #\2 (current-error-port))`, "e12"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var both bytes.Buffer
			in, err := New(Options{Stdout: &both, Stderr: &both, FlushLines: tc.flushLines})
			if err != nil {
				t.Fatal(err)
			}
			forms, srcmap, err := ReadForms(tc.src, "t")
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range forms {
				if _, err := in.Eval(f, srcmap); err != nil {
					t.Fatal(err)
				}
			}
			if diff := cmp.Diff(tc.want, both.String()); diff != "" {
				t.Errorf("before Flush (-want +got):\n%s", diff)
			}
		})
	}
}
