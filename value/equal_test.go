package value

import (
	"math"
	"math/big"
	"strconv"
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

	// #0=(#0# . #0#), twice.
	both1, both2 := &Pair{}, &Pair{}
	both1.Car, both1.Cdr, both2.Car, both2.Cdr = both1, both1, both2, both2
	// #0=#(#0# #0# ... #0#), 100 wide, twice.
	wide := func() *Vector {
		v := &Vector{Items: make([]Value, 100)}
		for i := range v.Items {
			v.Items[i] = v
		}
		return v
	}
	// X = (Y . X), Y = (1 . X): the cdr of a car leads back.
	backX := func() Value {
		x := &Pair{}
		x.Car, x.Cdr = &Pair{Int(1), x}, x
		return x
	}
	// Doubling DAGs: d(k) = (d(k-1) . d(k-1)), 2^60 nodes unfolded.
	dag := func(leaf Value) Value {
		v := leaf
		for range 60 {
			v = Cons(v, v)
		}
		return v
	}
	// Cycles of coprime lengths: the product of the walks has period
	// ~1e8, so only the union-find can stop it early.
	ones := func(n int) Value { return circular(longSlice(n, 0)...) }

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
		{"exact complexes", MakeRect(Int(1), rat1), MakeRect(Int(1), rat2), false, true, true},
		{"exact vs inexact complex", MakeRect(Int(1), Int(2)), MakeRect(Flonum(1), Flonum(2)), false, false, false},
		{"inexact complexes", MakeRect(Flonum(1), nan), MakeRect(Flonum(1), nan), false, true, true},
		{"complex signed zeros", MakeRect(Flonum(0), Flonum(1)), MakeRect(negZero, Flonum(1)), false, false, false},
		{"complex vs real", MakeRect(Flonum(1), Flonum(0)), Flonum(1), false, false, false},
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
		{"car and cdr cycles", both1, both2, false, false, true},
		{"wide vector cycles", wide(), wide(), false, false, true},
		{"cycles back through a car", backX(), backX(), false, false, true},
		{"doubling DAGs", dag(Int(1)), dag(Int(1)), false, false, true},
		{"doubling DAGs differ", dag(Int(1)), dag(Int(2)), false, false, false},
		{"coprime cycles", ones(10007), ones(10009), false, false, true},
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

	// Nesting in the car: ((((... 1)))) a million deep.
	deep := func() Value {
		var v Value = Int(1)
		for range n {
			v = List(v)
		}
		return v
	}
	x, y := deep(), deep()
	if !Equal(x, y) {
		t.Errorf("equal deep lists differ")
	}
	inner := y.(*Pair)
	for {
		p, ok := inner.Car.(*Pair)
		if !ok {
			break
		}
		inner = p
	}
	inner.Car = Int(2)
	if Equal(x, y) {
		t.Errorf("different deep lists are equal")
	}

	// Nested vectors and lists of lists.
	const m = 100000
	vdeep := func(leaf Value) Value {
		var v Value = leaf
		for range m {
			v = &Vector{Items: []Value{Int(0), v}}
		}
		return v
	}
	if !Equal(vdeep(NewString("x")), vdeep(NewString("x"))) {
		t.Errorf("equal deep vectors differ")
	}
	if Equal(vdeep(NewString("x")), vdeep(NewString("y"))) {
		t.Errorf("different deep vectors are equal")
	}
	if !Equal(alist(m), alist(m)) {
		t.Errorf("equal alists differ")
	}
}

// alist returns ((n-1 . "n-1") ... (0 . "0")).
func alist(n int) Value {
	var l Value = Nil
	for i := range n {
		l = Cons(Cons(Int(int64(i)), NewString(strconv.Itoa(i))), l)
	}
	return l
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

func BenchmarkEqualAlist(b *testing.B) {
	x, y := alist(1000000), alist(1000000)
	for b.Loop() {
		Equal(x, y)
	}
}
