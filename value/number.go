package value

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unsafe"
)

// Fixnum is an exact integer that fits in 64 bits. Arithmetic promotes to
// *big.Int on overflow, and big results that fit are demoted back, so an
// exact integer has exactly one representation.
type Fixnum int64

// Flonum is an inexact real.
type Flonum float64

const smallIntMin, smallIntMax = -1024, 8191

// smallInts holds boxed fixnums so that the common small results of
// arithmetic do not allocate when converted to Value. Each points into
// smallIntVals rather than to a box of its own, as the Go runtime's
// convT64 points into its staticuint64s: built so, the table costs
// start-up a loop of stores, where 2048 boxes allocated one by one took
// 4% of its instructions. It covers 9216 integers (221 KB with the
// values) where the boxes covered 2048 (48 KB).
var smallInts [smallIntMax - smallIntMin + 1]Value

// smallIntVals holds the integers the Values of smallInts point to.
//
// Both are filled by init, which runs after the package's variables are
// initialised: no package-level variable of this package may box an
// integer in its initialiser (none does; it would get nil).
var smallIntVals [smallIntMax - smallIntMin + 1]Fixnum

// eface is the layout of a Value (an empty interface): its type, and a
// pointer to its data.
type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

func init() {
	var model Value = Fixnum(0)
	fixnumType := (*eface)(unsafe.Pointer(&model)).typ
	for i := range smallIntVals {
		smallIntVals[i] = Fixnum(i + smallIntMin)
		e := (*eface)(unsafe.Pointer(&smallInts[i]))
		e.typ, e.data = fixnumType, unsafe.Pointer(&smallIntVals[i])
	}
}

// Int boxes an int64 as a Fixnum, without allocating for small values.
func Int(i int64) Value {
	if i >= smallIntMin && i <= smallIntMax {
		return smallInts[i-smallIntMin]
	}
	return Fixnum(i)
}

// NormBig returns b as a Fixnum when it fits, else b itself.
func NormBig(b *big.Int) Value {
	if b.IsInt64() {
		return Int(b.Int64())
	}
	return b
}

// NormRat returns r as an integer when its denominator is 1.
func NormRat(r *big.Rat) Value {
	if r.IsInt() {
		return NormBig(new(big.Int).Set(r.Num()))
	}
	return r
}

// IsNumber reports whether v is a Scheme number.
func IsNumber(v Value) bool {
	switch v.(type) {
	case Fixnum, Flonum, *big.Int, *big.Rat, *Complex:
		return true
	}
	return false
}

// NumberString formats a number in the given radix (2, 8, 10 or 16) the
// way write does. Flonums use the shortest text that reads back as the same
// value, and always show that they are inexact.
func NumberString(v Value, radix int) string {
	switch n := v.(type) {
	case Fixnum:
		return strconv.FormatInt(int64(n), radix)
	case *big.Int:
		return n.Text(radix)
	case *big.Rat:
		return n.Num().Text(radix) + "/" + n.Denom().Text(radix)
	case Flonum:
		return FlonumString(float64(n), radix)
	case *Complex:
		return complexString(n, radix)
	}
	return "#<not-a-number>"
}

// FlonumString formats f as Scheme text.
func FlonumString(f float64, radix int) string {
	switch {
	case math.IsNaN(f):
		return "+nan.0"
	case math.IsInf(f, 1):
		return "+inf.0"
	case math.IsInf(f, -1):
		return "-inf.0"
	}
	if radix != 10 {
		if f == math.Trunc(f) && math.Abs(f) < 1e18 {
			return strconv.FormatInt(int64(f), radix) + "."
		}
		// Other radixes have no standard inexact fraction syntax; fall back.
	}
	// Fixed notation across the range people read comfortably (as
	// JavaScript does), exponent notation outside it; both shortest.
	if a := math.Abs(f); a == 0 || (a >= 1e-7 && a < 1e21) {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	mant, exp, _ := strings.Cut(s, "e")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	sign := ""
	if exp[0] == '-' {
		sign = "-"
	}
	exp = strings.TrimLeft(exp[1:], "0")
	s = mant + "e" + sign + exp
	return s
}
