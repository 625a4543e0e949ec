package value

import (
	"math"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// circular returns a circular list of vals.
func circular(vals ...Value) *Pair {
	head := List(vals...).(*Pair)
	p := head
	for p.Cdr != Nil {
		p = p.Cdr.(*Pair)
	}
	p.Cdr = head
	return head
}

// longList returns (0 1 ... n-1) ending in tail.
func longList(n int, tail Value) Value {
	l := tail
	for i := n - 1; i >= 0; i-- {
		l = Cons(Int(int64(i)), l)
	}
	return l
}

func TestEqEqvEqual(t *testing.T) {
	str := NewString("abc")
	vec := &Vector{Items: []Value{Int(1)}}
	big1 := new(big.Int).Lsh(big.NewInt(1), 70)
	big2 := new(big.Int).Lsh(big.NewInt(1), 70)
	rat1, rat2 := big.NewRat(1, 3), big.NewRat(1, 3)
	prim := &Primitive{Name: "car"}
	fn1 := func() {}
	negZero := Flonum(math.Copysign(0, -1))
	nan := Flonum(math.NaN())
	sym := Intern("foo")

	// x = (x) and y = (y): car-circular.
	carX, carY := &Pair{Cdr: Nil}, &Pair{Cdr: Nil}
	carX.Car, carY.Car = carX, carY
	// Self-referencing vectors #0=#(1 #0#) and #1=#(1 #1#).
	selfV1 := &Vector{Items: []Value{Int(1), nil}}
	selfV1.Items[1] = selfV1
	selfV2 := &Vector{Items: []Value{Int(1), nil}}
	selfV2.Items[1] = selfV2
	// #(1 #(1 #(2 ...)))-style: a cycle of length 2 differing from selfV1.
	pv1 := &Vector{Items: []Value{Int(1), nil}}
	pv2 := &Vector{Items: []Value{Int(2), pv1}}
	pv1.Items[1] = pv2

	// A cyclic list whose mismatch only shows far beyond the budget.
	longCycle1 := circular(longSlice(3*equalBudget, 0)...)
	longCycle2 := circular(longSlice(3*equalBudget, 7)...)
	longCycle3 := circular(longSlice(3*equalBudget, 0)...)

	tests := []struct {
		name           string
		a, b           Value
		eq, eqv, equal bool
	}{
		{"same fixnum", Int(2), Int(2), true, true, true},
		{"large fixnums", Int(100000000000), Int(100000000000), true, true, true},
		{"fixnum vs flonum", Int(2), Flonum(2), false, false, false},
		{"flonums", Flonum(1.5), Flonum(1.5), true, true, true},
		{"0.0 vs -0.0", Flonum(0), negZero, false, false, false},
		{"nan vs nan", nan, nan, true, true, true},
		{"bigs", big1, big2, false, true, true},
		{"same big", big1, big1, true, true, true},
		{"rats", rat1, rat2, false, true, true},
		{"rat vs flonum", rat1, Flonum(1.0 / 3), false, false, false},
		{"chars", Char('a'), Char('a'), true, true, true},
		{"chars differ", Char('a'), Char('b'), false, false, false},
		{"char vs fixnum", Char('a'), Int('a'), false, false, false},
		{"bools", true, true, true, true, true},
		{"bool vs empty", false, Nil, false, false, false},
		{"empty lists", Nil, Nil, true, true, true},
		{"symbols", sym, Intern("foo"), true, true, true},
		{"gensyms", Gensym("g"), Gensym("g"), false, false, false},
		{"same string", str, str, true, true, true},
		{"equal strings", NewString("abc"), NewString("abc"), false, false, true},
		{"empty strings", NewString(""), NewString(""), false, false, true},
		{"different strings", NewString("abc"), NewString("abd"), false, false, false},
		{"string vs symbol", NewString("foo"), sym, false, false, false},
		{"bytevectors", &Bytevector{B: []byte{1, 2}}, &Bytevector{B: []byte{1, 2}}, false, false, true},
		{"bytevectors differ", &Bytevector{B: []byte{1, 2}}, &Bytevector{B: []byte{1}}, false, false, false},
		{"same vector", vec, vec, true, true, true},
		{"equal vectors", List(Int(1), vec), List(Int(1), &Vector{Items: []Value{Int(1)}}), false, false, true},
		{"empty vectors", &Vector{}, &Vector{}, false, false, true},
		{"vector lengths", &Vector{Items: []Value{Int(1)}}, &Vector{Items: []Value{Int(1), Int(2)}}, false, false, false},
		{"vector vs list", &Vector{Items: []Value{Int(1)}}, List(Int(1)), false, false, false},
		{"lists", List(Int(1), NewString("a"), List(Flonum(2.5))), List(Int(1), NewString("a"), List(Flonum(2.5))), false, false, true},
		{"lists differ deep", List(Int(1), List(Int(2), List(Int(3)))), List(Int(1), List(Int(2), List(Int(4)))), false, false, false},
		{"list lengths", List(Int(1), Int(2)), List(Int(1)), false, false, false},
		{"improper lists", Cons(Int(1), Int(2)), Cons(Int(1), Int(2)), false, false, true},
		{"improper tails differ", Cons(Int(1), Int(2)), Cons(Int(1), Flonum(2)), false, false, false},
		{"exactness inside lists", List(Int(2)), List(Flonum(2)), false, false, false},
		{"numbers inside lists", List(big1, rat1), List(big2, rat2), false, false, true},
		{"primitive", prim, prim, true, true, true},
		{"primitives", prim, &Primitive{Name: "car"}, false, false, false},
		{"func values", fn1, fn1, false, false, false},
		{"circular lists", circular(Int(1), Int(2)), circular(Int(1), Int(2)), false, false, true},
		{"circular lists, different periods", circular(Int(1)), circular(Int(1), Int(1), Int(1)), false, false, true},
		{"circular lists differ", circular(Int(1), Int(2)), circular(Int(1), Int(2), Int(1), Int(3)), false, false, false},
		{"circular vs finite", circular(Int(1)), List(Int(1), Int(1)), false, false, false},
		{"car-circular", carX, carY, false, false, true},
		{"self-referencing vectors", selfV1, selfV2, false, false, true},
		{"vector cycles differ", selfV1, pv1, false, false, false},
		{"long cycles", longCycle1, longCycle3, false, false, true},
		{"long cycles differ", longCycle1, longCycle2, false, false, false},
	}
	for _, tt := range tests {
		got := [3]bool{Eq(tt.a, tt.b), Eqv(tt.a, tt.b), Equal(tt.a, tt.b)}
		want := [3]bool{tt.eq, tt.eqv, tt.equal}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: [eq eqv equal] (-want +got)\n%s", tt.name, diff)
		}
		// All three are symmetric.
		gotRev := [3]bool{Eq(tt.b, tt.a), Eqv(tt.b, tt.a), Equal(tt.b, tt.a)}
		if diff := cmp.Diff(want, gotRev); diff != "" {
			t.Errorf("%s, reversed: [eq eqv equal] (-want +got)\n%s", tt.name, diff)
		}
	}
}

// longSlice returns n fixnums, all 0 except the last, which is last.
func longSlice(n int, last int64) []Value {
	s := make([]Value, n)
	for i := range s {
		s[i] = Int(0)
	}
	s[n-1] = Int(last)
	return s
}

func TestEqualLongAndDeep(t *testing.T) {
	const n = 1000000
	a, b := longList(n, Nil), longList(n, Nil)
	if !Equal(a, b) {
		t.Errorf("equal long lists differ")
	}
	if Equal(a, longList(n, Int(0))) {
		t.Errorf("long lists with different tails are equal")
	}
	if Equal(a, longList(n-1, Nil)) {
		t.Errorf("long lists of different lengths are equal")
	}

	// Nesting in the car: ((((... ())))) a million deep.
	deep := func(leaf Value) Value {
		var v Value = leaf
		for range n {
			v = List(v)
		}
		return v
	}
	if !Equal(deep(Int(1)), deep(Int(1))) {
		t.Errorf("equal deep lists differ")
	}
	if Equal(deep(Int(1)), deep(Int(2))) {
		t.Errorf("different deep lists are equal")
	}

	// Vectors nested a million deep.
	vdeep := func(leaf Value) Value {
		var v Value = leaf
		for range n {
			v = &Vector{Items: []Value{v}}
		}
		return v
	}
	if !Equal(vdeep(NewString("x")), vdeep(NewString("x"))) {
		t.Errorf("equal deep vectors differ")
	}
}

func BenchmarkEqualList(b *testing.B) {
	x, y := longList(100, Nil), longList(100, Nil)
	for b.Loop() {
		Equal(x, y)
	}
}

func BenchmarkEqualLongList(b *testing.B) {
	x, y := longList(1000000, Nil), longList(1000000, Nil)
	for b.Loop() {
		Equal(x, y)
	}
}
