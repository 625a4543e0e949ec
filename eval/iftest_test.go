package eval

import (
	"fmt"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// TestIfTestsAgree checks IfCmp, IfPred and IfEq against the general path (no fast paths
// at all, general.go): each test shape is applied to every pair of
// agreementGrid's values (fixnums at the edges, other numbers, other
// types, which must fail with the same error), and must choose the same
// branch or fail the same way; the fast interpreter must have compiled
// it to the node given. Then the built-ins are rebound, and the nodes
// must follow.
func TestIfTestsAgree(t *testing.T) {
	shapes := []struct{ src, node string }{
		{"(lambda (a b) (if (< a b) 'yes 'no))", "IfCmp"},
		{"(lambda (a b) (if (> a b) 'yes 'no))", "IfCmp"},
		{"(lambda (a b) (if (= a b) 'yes 'no))", "IfCmp"},
		{"(lambda (a b) (if (<= a b) 'yes 'no))", "IfCmp"},
		{"(lambda (a b) (if (>= b a) 'yes 'no))", "IfCmp"},
		{"(lambda (a b) (if (not (< b a)) 'yes 'no))", "IfCmp"},
		{"(lambda (a b) (if (= a 0) 'yes 'no))", "IfCmp"},
		{"(lambda (a b) (if (< 2 b) 'yes 'no))", "IfCmp"},
		{"(lambda (a b) (if (zero? a) 'yes 'no))", "IfCmp"},
		{"(lambda (a b) (if (not (zero? b)) 'yes 'no))", "IfCmp"},
		{"(lambda (a b) (cond ((> a 1) 'yes) (else 'no)))", "IfCmp"},
		{"(lambda (a b) (when (< a b) 'yes))", "IfCmp"},
		{"(lambda (a b) (unless (< a b) 'yes))", "IfCmp"},
		{"(lambda (a b) (if (null? a) 'yes 'no))", "IfPred"},
		{"(lambda (a b) (if (pair? b) 'yes 'no))", "IfPred"},
		{"(lambda (a b) (if (not a) 'yes 'no))", "IfPred"},
		{"(lambda (a b) (if (not (pair? a)) 'yes 'no))", "IfPred"},
		{"(lambda (a b) (if (not (not b)) 'yes 'no))", "IfPred"},
		{"(lambda (a b) (if (eq? a 'x) 'yes 'no))", "IfEq"},
		{"(lambda (a b) (if (eq? 'y b) 'yes 'no))", "IfEq"},
		{"(lambda (a b) (cond ((eq? (car a) 'x) 'yes) (else 'no)))", "IfEq"},
		{"(lambda (a b) (if (not (eq? (cdr b) 'y)) 'yes 'no))", "IfEq"},
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
	for _, sh := range shapes {
		shape := sh.src
		f, err := fast.evalString(shape)
		if err != nil {
			t.Fatal(err)
		}
		g, err := general.evalString(shape)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%T", f.(*Closure).lam.body); got != "*eval."+sh.node {
			t.Errorf("%s compiled to %s, want an %s", shape, got, sh.node)
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

	// Rebinding <, not, null? or eq? reaches code compiled against them.
	lt, _ := fast.evalString("(lambda (a b) (if (< a b) 'yes 'no))")
	notLt, _ := fast.evalString("(lambda (a b) (if (not (< a b)) 'yes 'no))")
	null, _ := fast.evalString("(lambda (a b) (if (null? a) 'yes 'no))")
	eq, _ := fast.evalString("(lambda (a b) (if (eq? a 'x) 'yes 'no))")
	if _, err := fast.evalString("(set! null? (lambda (x) #t)) (set! eq? (lambda (x y) #t))"); err != nil {
		t.Fatal(err)
	}
	if got := outcome(fast, null, value.Int(1), value.Int(2)); got != "yes" {
		t.Errorf("(null? 1) with null? rebound to always #t chose %s, want yes", got)
	}
	if got := outcome(fast, eq, value.Int(1), value.Int(2)); got != "yes" {
		t.Errorf("(eq? 1 'x) with eq? rebound to always #t chose %s, want yes", got)
	}
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
