package value

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// refLabels is the plain definition of labelsFor: a recursive
// depth-first search with a map of states and an exit per container.
func refLabels(v Value, shared bool) map[any]int {
	state := map[any]int{}
	var labels map[any]int
	var walk func(x Value)
	walk = func(x Value) {
		if addrOf(x) == 0 {
			return
		}
		switch state[x] {
		case onPath:
			labels = mark(labels, x)
			return
		case done:
			if shared {
				labels = mark(labels, x)
			}
			return
		}
		state[x] = onPath
		switch x := x.(type) {
		case *Pair:
			walk(x.Car)
			walk(x.Cdr)
		case *Vector:
			for _, y := range x.Items {
				walk(y)
			}
		}
		state[x] = done
	}
	walk(v)
	return labels
}

// randomGraph makes n containers (pairs, and vectors of 0-3 items) whose
// children are atoms or earlier containers, then points a few children
// at later ones, making cycles; it returns the first.
func randomGraph(r *rand.Rand, n int, back int) Value {
	nodes := make([]Value, n)
	child := func(i int) Value {
		if i == 0 || r.Intn(4) == 0 {
			return Fixnum(r.Intn(10))
		}
		return nodes[r.Intn(i)]
	}
	for i := range nodes {
		if r.Intn(3) == 0 {
			items := make([]Value, r.Intn(4))
			for j := range items {
				items[j] = child(i)
			}
			nodes[i] = &Vector{Items: items}
		} else {
			nodes[i] = &Pair{Car: child(i), Cdr: child(i)}
		}
	}
	for k := 0; k < back; k++ {
		to := nodes[r.Intn(n)]
		switch x := nodes[r.Intn(n)].(type) {
		case *Pair:
			if r.Intn(2) == 0 {
				x.Car = to
			} else {
				x.Cdr = to
			}
		case *Vector:
			if len(x.Items) > 0 {
				x.Items[r.Intn(len(x.Items))] = to
			}
		}
	}
	return nodes[n-1]
}

// TestLabelsAgree checks the labels of the walk with runs of exits
// against the plain definition, on random data with sharing and cycles,
// and on long lists and deep nests with a cycle at the far end.
func TestLabelsAgree(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		v := randomGraph(r, 1+r.Intn(40), r.Intn(3))
		for _, shared := range []bool{false, true} {
			if diff := cmp.Diff(refLabels(v, shared), labelsFor(v, shared)); diff != "" {
				t.Fatalf("graph %d, shared %v: %s: (-want +got):\n%s", i, shared, WriteSimpleLimited(v), diff)
			}
		}
	}
	// Lists of atoms (the walk's fast path, flatList): with a cycle of
	// every length from every start, or none, or a dotted end.
	for n := 1; n <= 40; n++ {
		for start := -2; start < n; start++ {
			pairs := make([]*Pair, n)
			for i := range pairs {
				pairs[i] = &Pair{Car: Fixnum(i), Cdr: Nil}
				if i > 0 {
					pairs[i-1].Cdr = pairs[i]
				}
			}
			switch start {
			case -2:
				pairs[n-1].Cdr = NewString("end")
			case -1:
			default:
				pairs[n-1].Cdr = pairs[start]
			}
			v := Value(pairs[0])
			if got, want := flatList(v, nil) == flat, start < 0; got != want {
				t.Errorf("flatList of %d pairs, cycle from %d: %v, want %v", n, start, got, want)
			}
			for _, shared := range []bool{false, true} {
				if diff := cmp.Diff(refLabels(v, shared), labelsFor(v, shared)); diff != "" {
					t.Errorf("%d pairs, cycle from %d, shared %v: (-want +got):\n%s", n, start, shared, diff)
				}
			}
		}
	}
	// A long list whose last car points back at its second pair, and a
	// car-nested one whose innermost car points back at its top.
	var list, nest Value = Nil, Nil
	var last, second, innermost *Pair
	for i := 0; i < 100000; i++ {
		p := &Pair{Car: Fixnum(i), Cdr: list}
		if i == 0 {
			last = p
		}
		list = p
		innermost2 := &Pair{Car: nest, Cdr: Nil}
		if i == 0 {
			innermost = innermost2
		}
		nest = innermost2
	}
	second = list.(*Pair).Cdr.(*Pair)
	last.Car = second
	innermost.Car = nest
	for _, v := range []Value{list, nest} {
		for _, shared := range []bool{false, true} {
			if diff := cmp.Diff(refLabels(v, shared), labelsFor(v, shared)); diff != "" {
				t.Errorf("shared %v: (-want +got):\n%s", shared, diff)
			}
		}
	}
}

// WriteSimpleLimited is a short text for a failure message, written
// with the reference's labels (the walk's could miss a cycle).
func WriteSimpleLimited(v Value) string {
	var b strings.Builder
	print(&b, v, true, refLabels(v, false))
	return ShortText(b.String(), 300)
}

// TestWriteShort checks that WriteShort gives what ShortText of the
// whole written text gives, on short and long data, cyclic data, and
// long strings of multi-byte characters, and that it stops printing a
// long list early.
func TestWriteShort(t *testing.T) {
	long := Value(Nil)
	for i := 0; i < 100000; i++ {
		long = &Pair{Car: Fixnum(i), Cdr: long}
	}
	cyclic := &Pair{Car: Fixnum(1), Cdr: Nil}
	cyclic.Cdr = &Pair{Car: cyclic, Cdr: cyclic}
	vals := []Value{Fixnum(5), NewString("λ"), NewString(strings.Repeat("λ€", 100)),
		List(Intern("quote"), Intern("x")), cyclic, long}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 200; i++ {
		vals = append(vals, randomGraph(r, 1+r.Intn(30), r.Intn(3)))
	}
	for _, v := range vals {
		for _, n := range []int{5, 60, 200} {
			if got, want := WriteShort(v, n), ShortText(WriteString(v), n); got != want {
				t.Errorf("WriteShort(%.40q, %d) = %q, want %q", want, n, got, want)
			}
		}
	}
	w := &shortWriter{limit: 60}
	if PrintStop(w, long, ModeWrite, &w.full) {
		t.Error("WriteShort printed the whole of a 100,000-element list")
	}
	if w.b.Len() > 1<<16 {
		t.Errorf("WriteShort kept %d bytes of a 100,000-element list", w.b.Len())
	}
}
