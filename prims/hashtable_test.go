package prims

import (
	"math"
	"math/big"
	"math/rand"
	"testing"

	"contigo/value"
)

// randomDatum builds a random value from the kinds equal? looks into and
// the atoms it compares with eqv?.
func randomDatum(r *rand.Rand, depth int) value.Value {
	k := r.Intn(12)
	if depth <= 0 && k < 3 {
		k += 3
	}
	switch k {
	case 0:
		n := r.Intn(4)
		items := make([]value.Value, n)
		for i := range items {
			items[i] = randomDatum(r, depth-1)
		}
		return value.ListTail(items, randomDatum(r, depth-1))
	case 1:
		n := r.Intn(4)
		items := make([]value.Value, n)
		for i := range items {
			items[i] = randomDatum(r, depth-1)
		}
		return &value.Vector{Items: items}
	case 2:
		return value.List(randomDatum(r, depth-1), randomDatum(r, depth-1))
	case 3:
		return value.Int(int64(r.Intn(5) - 2))
	case 4:
		return value.Flonum([]float64{0, math.Copysign(0, -1), 1.5, math.NaN(), math.Inf(1)}[r.Intn(5)])
	case 5:
		return value.NewString([]string{"", "a", "ab", "λ"}[r.Intn(4)])
	case 6:
		return value.Char([]rune{'a', 'b', 'λ'}[r.Intn(3)])
	case 7:
		return value.Intern([]string{"x", "y"}[r.Intn(2)])
	case 8:
		return &value.Bytevector{B: []byte{byte(r.Intn(3))}}
	case 9:
		return new(big.Int).Lsh(big.NewInt(int64(r.Intn(3)+1)), 80)
	case 10:
		return value.NormRat(big.NewRat(int64(r.Intn(3)+1), 3))
	}
	return r.Intn(2) == 0
}

// deepCopy copies pairs, vectors, strings, bytevectors and big numbers, so
// that the copy is equal? but shares no mutable structure.
func deepCopy(v value.Value) value.Value {
	switch x := v.(type) {
	case *value.Pair:
		return &value.Pair{Car: deepCopy(x.Car), Cdr: deepCopy(x.Cdr)}
	case *value.Vector:
		items := make([]value.Value, len(x.Items))
		for i, it := range x.Items {
			items[i] = deepCopy(it)
		}
		return &value.Vector{Items: items}
	case *value.String:
		return &value.String{R: append([]rune(nil), x.R...)}
	case *value.Bytevector:
		return &value.Bytevector{B: append([]byte(nil), x.B...)}
	case *big.Int:
		return new(big.Int).Set(x)
	case *big.Rat:
		return new(big.Rat).Set(x)
	}
	return v
}

// TestHashConsistentWithEqual checks that values that are equal? hash the
// same, for random data and for pairs of random data that happen to be
// equal, so that an equal? table finds a key by any equal value.
func TestHashConsistentWithEqual(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var vals []value.Value
	for i := 0; i < 3000; i++ {
		v := randomDatum(r, 3)
		vals = append(vals, v)
		c := deepCopy(v)
		if !value.Equal(v, c) {
			t.Fatalf("copy of %s is not equal?", value.WriteString(v))
		}
		if hashEqual(v) != hashEqual(c) {
			t.Errorf("hashEqual differs for equal? values %s", value.WriteString(v))
		}
	}
	for i := 0; i < len(vals); i++ {
		for j := i + 1; j < len(vals) && j < i+50; j++ {
			if value.Equal(vals[i], vals[j]) && hashEqual(vals[i]) != hashEqual(vals[j]) {
				t.Errorf("hashEqual differs for equal? values %s and %s", value.WriteString(vals[i]), value.WriteString(vals[j]))
			}
		}
	}
}

// TestHashTableKinds checks that each kind of table finds a key exactly
// by the values its equivalence predicate accepts.
func TestHashTableKinds(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	eqvTable := newHashTable(htEqv, nil, false)
	equalTable := newHashTable(htEqual, nil, false)
	var keys []value.Value
	for i := 0; i < 2000; i++ {
		k := randomDatum(r, 3)
		keys = append(keys, k)
		if err := eqvTable.set(k, value.Int(int64(i)), "test"); err != nil {
			t.Fatal(err)
		}
		if err := equalTable.set(k, value.Int(int64(i)), "test"); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range keys {
		c := deepCopy(k)
		// equal? table: the copy finds an entry whose key is equal?.
		e, err := equalTable.lookup(c, "test")
		if err != nil || e == nil || !value.Equal(e.Car, k) {
			t.Errorf("equal? table: %s not found by an equal copy", value.WriteString(k))
		}
		// eqv? table: the copy finds an entry iff it is eqv? to a key.
		e, _ = eqvTable.lookup(c, "test")
		if value.Eqv(c, k) && (e == nil || !value.Eqv(e.Car, c)) {
			t.Errorf("eqv? table: %s not found by an eqv? value", value.WriteString(k))
		}
		if e != nil && !value.Eqv(e.Car, c) {
			t.Errorf("eqv? table: %s found %s, which is not eqv?", value.WriteString(c), value.WriteString(e.Car))
		}
	}
}

func TestEqvKeys(t *testing.T) {
	key := func(v value.Value) any {
		k, err := eqvKey(v, "test")
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	same := []struct{ a, b value.Value }{
		{value.Flonum(math.NaN()), value.Flonum(-math.NaN())},
		{new(big.Int).Lsh(big.NewInt(1), 100), new(big.Int).Lsh(big.NewInt(1), 100)},
		{big.NewRat(1, 3), big.NewRat(2, 6)},
		{value.Int(5), value.Int(5)},
		{value.Char('λ'), value.Char('λ')},
	}
	for _, c := range same {
		if key(c.a) != key(c.b) {
			t.Errorf("eqvKey(%s) != eqvKey(%s)", value.WriteString(c.a), value.WriteString(c.b))
		}
	}
	differ := []struct{ a, b value.Value }{
		{value.Flonum(0), value.Flonum(math.Copysign(0, -1))},
		{value.Int(2), value.Flonum(2)},
		{value.NewString("a"), value.NewString("a")},
		{value.List(value.Int(1)), value.List(value.Int(1))},
	}
	for _, c := range differ {
		if key(c.a) == key(c.b) {
			t.Errorf("eqvKey(%s) == eqvKey(%s)", value.WriteString(c.a), value.WriteString(c.b))
		}
	}
}

// TestHashCircular checks that hashing terminates on circular structure
// and is the same for equal? circular values of different shapes.
func TestHashCircular(t *testing.T) {
	one := value.List(value.Int(1), value.Int(2))
	one.(*value.Pair).Cdr.(*value.Pair).Cdr = one
	two := value.List(value.Int(1), value.Int(2), value.Int(1), value.Int(2))
	two.(*value.Pair).Cdr.(*value.Pair).Cdr.(*value.Pair).Cdr.(*value.Pair).Cdr = two
	if !value.Equal(one, two) {
		t.Fatal("the circular lists are not equal?")
	}
	if hashEqual(one) != hashEqual(two) {
		t.Error("equal? circular lists hash differently")
	}
	v := &value.Vector{Items: []value.Value{nil}}
	v.Items[0] = v
	hashEqual(v) // terminates
}

// TestHashTableOrderAndCompaction checks that entries stay in insertion
// order through deletions and the compactions they cause.
func TestHashTableOrderAndCompaction(t *testing.T) {
	for _, kind := range []htKind{htEqv, htEqual} {
		tb := newHashTable(kind, nil, false)
		for i := 0; i < 1000; i++ {
			tb.set(value.Int(int64(i)), value.Int(int64(i)), "test")
		}
		for i := 0; i < 1000; i++ {
			if i%3 != 0 {
				if ok, _ := tb.remove(value.Int(int64(i)), "test"); !ok {
					t.Fatalf("kind %d: %d not removed", kind, i)
				}
			}
		}
		var got []int64
		tb.each(func(p *value.Pair) { got = append(got, int64(p.Car.(value.Fixnum))) })
		if len(got) != 334 || tb.live != 334 {
			t.Fatalf("kind %d: %d entries left, want 334", kind, len(got))
		}
		for i, k := range got {
			if k != int64(3*i) {
				t.Fatalf("kind %d: entry %d is %d, want %d", kind, i, k, 3*i)
			}
			if e, _ := tb.lookup(value.Int(k), "test"); e == nil {
				t.Fatalf("kind %d: %d not found after compaction", kind, k)
			}
		}
	}
}
