package eval

import (
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// TestIfCmpAgrees checks IfCmp against the general path (no fast paths
// at all, general.go): each test shape is applied to every pair of
// agreementGrid's values (fixnums at the edges, other numbers, other
// types, which must fail with the same error), and must choose the same
// branch or fail the same way; the fast interpreter must have compiled
// it to an IfCmp. Then the built-ins are rebound, and the IfCmp must
// follow.
func TestIfCmpAgrees(t *testing.T) {
	shapes := []string{
		"(lambda (a b) (if (< a b) 'yes 'no))",
		"(lambda (a b) (if (> a b) 'yes 'no))",
		"(lambda (a b) (if (= a b) 'yes 'no))",
		"(lambda (a b) (if (<= a b) 'yes 'no))",
		"(lambda (a b) (if (>= b a) 'yes 'no))",
		"(lambda (a b) (if (not (< b a)) 'yes 'no))",
		"(lambda (a b) (if (= a 0) 'yes 'no))",
		"(lambda (a b) (if (< 2 b) 'yes 'no))",
		"(lambda (a b) (if (zero? a) 'yes 'no))",
		"(lambda (a b) (if (not (zero? b)) 'yes 'no))",
		"(lambda (a b) (cond ((> a 1) 'yes) (else 'no)))",
		"(lambda (a b) (when (< a b) 'yes))",
		"(lambda (a b) (unless (< a b) 'yes))",
	}
	fast, err := New(Options{Stdout: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	general, err := newInterp(Options{Stdout: io.Discard}, true)
	if err != nil {
		t.Fatal(err)
	}
	outcome := func(in *Interp, f, a, b value.Value) string {
		v, err := in.Apply(f, []value.Value{a, b})
		if err != nil {
			return "error: " + err.Error()
		}
		return value.WriteString(v)
	}
	fastGrid, generalGrid := agreementGrid(t, fast), agreementGrid(t, general)
	for _, shape := range shapes {
		f, err := fast.evalString(shape)
		if err != nil {
			t.Fatal(err)
		}
		g, err := general.evalString(shape)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := f.(*Closure).lam.body.(*IfCmp); !ok {
			t.Errorf("%s compiled to %T, want an IfCmp", shape, f.(*Closure).lam.body)
		}
		for i := range fastGrid {
			for j := range fastGrid {
				want := outcome(general, g, generalGrid[i], generalGrid[j])
				got := outcome(fast, f, fastGrid[i], fastGrid[j])
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("(%s %s %s): (-general +fast):\n%s", shape, value.WriteString(fastGrid[i]),
						value.WriteString(fastGrid[j]), diff)
				}
			}
		}
	}

	// Rebinding < or not reaches code compiled against them.
	lt, _ := fast.evalString("(lambda (a b) (if (< a b) 'yes 'no))")
	notLt, _ := fast.evalString("(lambda (a b) (if (not (< a b)) 'yes 'no))")
	if _, err := fast.evalString("(set! not (lambda (x) x))"); err != nil {
		t.Fatal(err)
	}
	one, two := value.Int(1), value.Int(2)
	if got := outcome(fast, notLt, one, two); got != "yes" {
		t.Errorf("(not (< 1 2)) with not rebound to identity chose %s, want yes", got)
	}
	if _, err := fast.evalString("(set! < (lambda (a b) #f))"); err != nil {
		t.Fatal(err)
	}
	if got := outcome(fast, lt, one, two); got != "no" {
		t.Errorf("(< 1 2) with < rebound to always #f chose %s, want no", got)
	}
}
