package value

import (
	"math"
	"math/rand"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNumberString checks the written forms of flonums (shortest, never a
// + in the exponent) and of complex numbers (chibi's forms).
func TestNumberString(t *testing.T) {
	tests := []struct {
		v    Value
		want string
	}{
		{Flonum(math.MaxFloat64), "1.7976931348623157e308"},
		{Flonum(-math.MaxFloat64), "-1.7976931348623157e308"},
		{Flonum(5e-324), "5.0e-324"},
		{Flonum(1e21), "1.0e21"},
		{Flonum(1.5e300), "1.5e300"},
		{Flonum(1e-7), "0.0000001"},
		{Flonum(1e-8), "1.0e-8"},
		{Flonum(123456789012345680000), "123456789012345680000.0"},
		{Flonum(0.1), "0.1"},
		{Flonum(100), "100.0"},
		{Flonum(math.Copysign(0, -1)), "-0.0"},
		{MakeRect(Int(1), Int(2)), "1+2i"},
		{MakeRect(Int(0), Int(1)), "+i"},
		{MakeRect(Int(0), Int(-1)), "-i"},
		{MakeRect(Int(3), Int(-1)), "3-i"},
		{MakeRect(Flonum(0), Flonum(1)), "+1.0i"},
		{MakeRect(Flonum(math.Copysign(0, -1)), Flonum(1)), "-0.0+1.0i"},
		{MakeRect(Flonum(1), Flonum(0)), "1.0+0.0i"},
		{MakeRect(Flonum(1), Flonum(math.Copysign(0, -1))), "1.0-0.0i"},
		{MakeRect(Flonum(1), Flonum(math.Inf(-1))), "1.0-inf.0i"},
		{MakeRect(Flonum(math.NaN()), Flonum(math.NaN())), "+nan.0+nan.0i"},
		{MakeRect(Flonum(1e300), Flonum(-1e-300)), "1.0e300-1.0e-300i"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, NumberString(tt.v, 10)); diff != "" {
			t.Errorf("NumberString(%#v): (-want +got)\n%s", tt.v, diff)
		}
	}
}

// TestNumberRoundTrip checks R7RS 6.2.7's promise: what number->string
// writes, string->number reads back as an eqv? number.
func TestNumberRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var nums []Value
	for i := 0; i < 2000; i++ {
		f := math.Float64frombits(rng.Uint64())
		g := rng.NormFloat64() * math.Pow(10, float64(rng.Intn(40)-20))
		nums = append(nums, Flonum(f), Flonum(g), MakeRect(Flonum(g), Flonum(f)))
		n, d := Int(rng.Int63n(2000)-1000), Int(rng.Int63n(99)+1)
		q, _ := Div(n, d)
		nums = append(nums, MakeRect(q, n), MakeRect(Int(0), q))
	}
	for _, v := range nums {
		for _, radix := range []int{10, 16} {
			if radix != 10 && !IsExact(v) {
				continue // other radixes have no inexact fraction syntax
			}
			s := NumberString(v, radix)
			back, ok := ParseNumber(s, radix)
			if !ok || !Eqv(v, back) {
				t.Errorf("%s (radix %d) reads back as %v, %v", s, radix, back, ok)
			}
		}
	}
}

// TestIntBoxes checks Int against the plain conversion over the range of
// the preboxed table, just past each end, and at the extremes: the
// table's Values are built from raw words (number.go), so a wrong type
// word or an off-by-one in the data pointer shows here. Boxing in the
// table's range allocates nothing.
func TestIntBoxes(t *testing.T) {
	check := func(i int64) {
		v := Int(i)
		f, ok := v.(Fixnum)
		if !ok || int64(f) != i || v != Value(Fixnum(i)) {
			t.Fatalf("Int(%d) = %#v, want Fixnum(%d)", i, v, i)
		}
	}
	for i := int64(smallIntMin) - 3; i <= smallIntMax+3; i++ {
		check(i)
	}
	for _, i := range []int64{math.MinInt64, math.MaxInt64, -1 << 40, 1 << 40} {
		check(i)
	}
	var sink Value
	if n := testing.AllocsPerRun(100, func() { sink = Int(smallIntMax) }); n != 0 {
		t.Errorf("Int(%d) allocates %v times, want 0", smallIntMax, n)
	}
	_ = sink
}
