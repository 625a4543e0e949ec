package eval

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFrameWhereLibAgrees checks the shortcut of frameWhereLib, which
// says whether a frame's position is the library's from its node's site,
// against isLibPos's lookup, on the frames of continuations captured in
// user code called from the library (the prelude's goroutines, which
// userFrame walks at every switch, are not in this package).
func TestFrameWhereLibAgrees(t *testing.T) {
	srcs := []string{
		`(define (f x) (call/cc (lambda (c) (set! k c) x)))
		 (vector-map (lambda (x) (list (f x))) #(1 2))`,
		`(call-with-output-string (lambda (port) (list (call/cc (lambda (c) (set! k c) 1)))))`,
		`(guard (e (#t 0)) (list (call/cc (lambda (c) (set! k c) 1))))`,
	}
	seen := map[libKnown]int{}
	for _, src := range srcs {
		in, err := New(Options{Stdout: &bytes.Buffer{}})
		if err != nil {
			t.Fatal(err)
		}
		forms, srcmap, err := ReadForms("(define k #f) "+src+" k", "test")
		if err != nil {
			t.Fatal(err)
		}
		var k *Continuation
		for _, f := range forms {
			v, err := in.Eval(f, srcmap)
			if err != nil {
				t.Fatalf("%s: %v", src, err)
			}
			k, _ = asContinuation(v, in.rootDyn)
		}
		if k == nil {
			t.Fatalf("%s: no continuation", src)
		}
		known := 0
		for f := k.k; f != nil; f = f.Next {
			_, pos, lib := frameWhereLib(f)
			if lib == libUnknown {
				continue
			}
			known++
			seen[lib]++
			if diff := cmp.Diff(isLibPos(pos), lib == libYes); diff != "" {
				t.Errorf("%s: frame at %v: library? (-lookup +site):\n%s", src, pos, diff)
			}
		}
		if known == 0 {
			t.Errorf("%s: no frame's site said whether it is the library's", src)
		}
	}
	if seen[libYes] == 0 || seen[libNo] == 0 {
		t.Errorf("frames known to be the library's and the user's: %d and %d, want some of each", seen[libYes], seen[libNo])
	}
}
