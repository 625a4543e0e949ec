package value

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// countWriter counts the bytes written to it.
type countWriter struct{ n int }

func (w *countWriter) Write(b []byte) (int, error) { w.n += len(b); return len(b), nil }

// TestDeepNesting prints and compares a list nested 5,000,000 deep, which
// overflowed the Go stack when the printer recursed.
func TestDeepNesting(t *testing.T) {
	depth := 5_000_000
	if testing.Short() {
		depth = 200_000
	}
	nest := func(n int) Value {
		var x Value = Nil
		for range n {
			x = &Pair{Car: x, Cdr: Nil}
		}
		return x
	}
	a, b := nest(depth), nest(depth)
	got := map[string]any{}
	for name, print := range map[string]func(w *countWriter, v Value){
		"write":        func(w *countWriter, v Value) { Write(w, v) },
		"display":      func(w *countWriter, v Value) { Display(w, v) },
		"write-simple": func(w *countWriter, v Value) { WriteSimple(w, v) },
	} {
		var w countWriter
		print(&w, a)
		got[name] = w.n
	}
	got["equal"] = Equal(a, b)
	got["unequal"] = Equal(a, nest(depth-1))
	want := map[string]any{
		"write": 2*depth + 2, "display": 2*depth + 2, "write-simple": 2*depth + 2,
		"equal": true, "unequal": false,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestPrintStop checks that PrintStop gives up on a set flag and prints
// everything on a clear one.
func TestPrintStop(t *testing.T) {
	var l Value = Nil
	for i := range 100_000 {
		l = &Pair{Car: Fixnum(i), Cdr: l}
	}
	var clear, set int32 = 0, 1
	var w1, w2 countWriter
	got := []any{PrintStop(&w1, l, ModeWrite, &clear), PrintStop(&w2, l, ModeWrite, &set), w2.n < w1.n}
	if diff := cmp.Diff([]any{true, false, true}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
