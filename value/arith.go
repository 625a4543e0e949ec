package value

import (
	"math"
	"math/big"
	"math/bits"
	"math/cmplx"
)

// This file implements the numeric tower: exact integers (Fixnum, and
// *big.Int outside the int64 range), exact ratios (*big.Rat, never
// integral) and inexact reals (Flonum). Every exact result is normalized
// with NormBig/NormRat so that each exact number has one representation.
//
// Mixed exact/inexact arithmetic is contagious: the result is a Flonum
// whenever an operand is one. Comparisons, however, are exact: a Flonum
// compared with an exact number is converted to its exact value first, so
// (= 1/3 .3333333333333333) is #f and (< (expt 2 53) (+ (expt 2 53) 1.))
// is #f.
//
// Transcendental functions return flonums, except that an exact argument
// at which the function has an exact rational value gives that exact value
// (as in Chez Scheme and Racket): (exp 0) => 1, (log 1) => 0,
// (sin 0) => 0, (cos 0) => 1, (tan 0) => 0, (asin 0) => 0, (acos 1) => 0,
// (atan 0) => 0, (atan 0 x) => 0 for exact x > 0, and (log 1 b) => 0 for an
// exact base.

// Numeric ranks, in contagion order.
const (
	rFix = iota
	rBig
	rRat
	rFlo
	rCpx // only from numRanks: numRank is for reals
)

// rank classifies a number; it is -1 for non-numbers.
func numRank(v Value) int {
	switch v.(type) {
	case Fixnum:
		return rFix
	case Flonum:
		return rFlo
	case *big.Int:
		return rBig
	case *big.Rat:
		return rRat
	}
	return -1
}

// ranks checks that a and b are numbers and returns the higher rank,
// rCpx if either is non-real.
func numRanks(who string, a, b Value) (int, error) {
	ra, rb := numRank(a), numRank(b)
	if ra < 0 || rb < 0 {
		if !IsNumber(a) {
			return 0, TypeError(who, "number", a)
		}
		if !IsNumber(b) {
			return 0, TypeError(who, "number", b)
		}
		return rCpx, nil
	}
	return max(ra, rb), nil
}

// toBig returns an exact integer as a *big.Int; the result may be the
// argument itself and must not be modified.
func bigOf(v Value) *big.Int {
	switch x := v.(type) {
	case Fixnum:
		return big.NewInt(int64(x))
	case *big.Int:
		return x
	}
	panic("value: toBig of non-integer")
}

// toRat returns an exact number as a *big.Rat; the result may be the
// argument itself and must not be modified.
func ratOf(v Value) *big.Rat {
	switch x := v.(type) {
	case Fixnum:
		return new(big.Rat).SetInt64(int64(x))
	case *big.Int:
		return new(big.Rat).SetInt(x)
	case *big.Rat:
		return x
	}
	panic("value: toRat of inexact number")
}

// bigToFloat converts b to the nearest float64 (±Inf when out of range).
func bigToFloat(b *big.Int) float64 {
	if b.IsInt64() {
		return float64(b.Int64())
	}
	f, _ := new(big.Float).SetInt(b).Float64()
	return f
}

// toFlo converts a number to float64; the caller has checked its type.
func floOf(v Value) float64 {
	switch x := v.(type) {
	case Fixnum:
		return float64(x)
	case Flonum:
		return float64(x)
	case *big.Int:
		return bigToFloat(x)
	case *big.Rat:
		f, _ := x.Float64()
		return f
	}
	panic("value: toFlo of non-number")
}

// ToFloat converts any number to the nearest float64, and reports false if
// a is not a number.
func ToFloat(a Value) (float64, bool) {
	if numRank(a) < 0 {
		return 0, false
	}
	return floOf(a), true
}

// minInt64Neg is -MinInt64 = 2^63, the one negation that overflows.
var minInt64Neg = new(big.Int).Neg(big.NewInt(math.MinInt64))

// ---------------------------------------------------------------------
// + - * /

// Add returns a + b.
func Add(a, b Value) (Value, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			s := x + y
			if (x^s)&(y^s) >= 0 {
				return Int(int64(s)), nil
			}
			return new(big.Int).Add(big.NewInt(int64(x)), big.NewInt(int64(y))), nil
		}
	}
	if x, ok := a.(Flonum); ok {
		if y, ok := b.(Flonum); ok {
			return x + y, nil
		}
	}
	r, err := numRanks("+", a, b)
	if err != nil {
		return nil, err
	}
	switch r {
	case rCpx:
		return complexArith('+', a, b)
	case rFlo:
		return Flonum(floOf(a) + floOf(b)), nil
	case rRat:
		return NormRat(new(big.Rat).Add(ratOf(a), ratOf(b))), nil
	default:
		return NormBig(new(big.Int).Add(bigOf(a), bigOf(b))), nil
	}
}

// Sub returns a - b.
func Sub(a, b Value) (Value, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			d := x - y
			if (x^y)&(x^d) >= 0 {
				return Int(int64(d)), nil
			}
			return new(big.Int).Sub(big.NewInt(int64(x)), big.NewInt(int64(y))), nil
		}
	}
	if x, ok := a.(Flonum); ok {
		if y, ok := b.(Flonum); ok {
			return x - y, nil
		}
	}
	r, err := numRanks("-", a, b)
	if err != nil {
		return nil, err
	}
	switch r {
	case rCpx:
		return complexArith('-', a, b)
	case rFlo:
		return Flonum(floOf(a) - floOf(b)), nil
	case rRat:
		return NormRat(new(big.Rat).Sub(ratOf(a), ratOf(b))), nil
	default:
		return NormBig(new(big.Int).Sub(bigOf(a), bigOf(b))), nil
	}
}

// uabs returns |x| as a uint64 (correct for MinInt64 too).
func uabs(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

// mulFix returns x*y and false if the product overflows int64.
func mulFix(x, y int64) (int64, bool) {
	if x == int64(int32(x)) && y == int64(int32(y)) {
		return x * y, true
	}
	hi, lo := bits.Mul64(uabs(x), uabs(y))
	if hi != 0 {
		return 0, false
	}
	if (x < 0) != (y < 0) {
		if lo > 1<<63 {
			return 0, false
		}
		return -int64(lo), true // -int64(1<<63) wraps to MinInt64, as wanted
	}
	if lo > math.MaxInt64 {
		return 0, false
	}
	return int64(lo), true
}

// Mul returns a * b.
func Mul(a, b Value) (Value, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			if p, ok := mulFix(int64(x), int64(y)); ok {
				return Int(p), nil
			}
			return new(big.Int).Mul(big.NewInt(int64(x)), big.NewInt(int64(y))), nil
		}
	}
	if x, ok := a.(Flonum); ok {
		if y, ok := b.(Flonum); ok {
			return x * y, nil
		}
	}
	r, err := numRanks("*", a, b)
	if err != nil {
		return nil, err
	}
	switch r {
	case rCpx:
		return complexArith('*', a, b)
	case rFlo:
		return Flonum(floOf(a) * floOf(b)), nil
	case rRat:
		return NormRat(new(big.Rat).Mul(ratOf(a), ratOf(b))), nil
	default:
		x, y := bigOf(a), bigOf(b)
		if x.BitLen()+y.BitLen() > maxExptBits+1 {
			// As for expt: a runaway product (squaring in a loop)
			// fails before one multiplication takes minutes and
			// the heap gigabytes.
			return nil, Errorf("*: result of more than %d bits too large", maxExptBits)
		}
		return NormBig(new(big.Int).Mul(x, y)), nil
	}
}

// Div returns a / b. Exact division gives an exact integer or ratio, and
// an exact zero divisor is an error; with an inexact operand the result
// follows IEEE arithmetic, so (/ 1. 0) is +inf.0.
func Div(a, b Value) (Value, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			switch {
			case y == 0:
				return nil, Errorf("/: division by zero")
			case y == -1:
				return Negate(x)
			case x%y == 0:
				return Int(int64(x / y)), nil
			}
			return new(big.Rat).SetFrac64(int64(x), int64(y)), nil
		}
	}
	if x, ok := a.(Flonum); ok {
		if y, ok := b.(Flonum); ok {
			return x / y, nil
		}
	}
	r, err := numRanks("/", a, b)
	if err != nil {
		return nil, err
	}
	if r == rCpx {
		if isExactZero(b) && IsExact(a) {
			return nil, Errorf("/: division by zero")
		}
		return complexArith('/', a, b)
	}
	if r == rFlo {
		return Flonum(floOf(a) / floOf(b)), nil
	}
	if isExactZero(b) {
		return nil, Errorf("/: division by zero")
	}
	if r == rBig {
		x, y := bigOf(a), bigOf(b)
		q, m := new(big.Int).QuoRem(x, y, new(big.Int))
		if m.Sign() == 0 {
			return NormBig(q), nil
		}
		return new(big.Rat).SetFrac(x, y), nil
	}
	return NormRat(new(big.Rat).Quo(ratOf(a), ratOf(b))), nil
}

// isExactZero reports whether v is the exact integer 0.
func isExactZero(v Value) bool {
	x, ok := v.(Fixnum)
	return ok && x == 0
}

// isExactOne reports whether v is the exact integer 1.
func isExactOne(v Value) bool {
	x, ok := v.(Fixnum)
	return ok && x == 1
}

// Negate returns -a.
func Negate(a Value) (Value, error) {
	switch x := a.(type) {
	case Fixnum:
		if x == math.MinInt64 {
			return new(big.Int).Set(minInt64Neg), nil
		}
		return Int(int64(-x)), nil
	case Flonum:
		return -x, nil
	case *big.Int:
		return NormBig(new(big.Int).Neg(x)), nil
	case *big.Rat:
		return new(big.Rat).Neg(x), nil
	case *Complex:
		return MakeRect(must(Negate(x.Re)), must(Negate(x.Im))), nil
	}
	return nil, TypeError("-", "number", a)
}

// Abs returns |a|.
func Abs(a Value) (Value, error) {
	switch x := a.(type) {
	case Fixnum:
		if x >= 0 {
			return a, nil
		}
		return Negate(x)
	case Flonum:
		return Flonum(math.Abs(float64(x))), nil
	case *big.Int:
		if x.Sign() >= 0 {
			return a, nil
		}
		return new(big.Int).Neg(x), nil
	case *big.Rat:
		if x.Sign() >= 0 {
			return a, nil
		}
		return new(big.Rat).Neg(x), nil
	}
	return nil, realError("abs", a)
}

// ---------------------------------------------------------------------
// Comparison

func cmpInt(x, y Fixnum) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// cmpExactFloat returns the sign of e - f for an exact e, comparing
// exactly; ordered is false when f is NaN.
func cmpExactFloat(e Value, f float64) (c int, ordered bool) {
	switch {
	case math.IsNaN(f):
		return 0, false
	case math.IsInf(f, 1):
		return -1, true
	case math.IsInf(f, -1):
		return 1, true
	}
	switch x := e.(type) {
	case Fixnum:
		if x >= -1<<53 && x <= 1<<53 {
			// float64(x) is exact.
			xf := float64(x)
			switch {
			case xf < f:
				return -1, true
			case xf > f:
				return 1, true
			}
			return 0, true
		}
		return new(big.Float).SetInt64(int64(x)).Cmp(big.NewFloat(f)), true
	case *big.Int:
		return new(big.Float).SetInt(x).Cmp(big.NewFloat(f)), true
	case *big.Rat:
		return x.Cmp(new(big.Rat).SetFloat64(f)), true
	}
	panic("value: cmpExactFloat of non-exact")
}

// compare compares two numbers exactly. ordered is false when either is
// a NaN, in which case c is 0.
func numCompare(a, b Value, who string) (c int, ordered bool, err error) {
	ra, rb := numRank(a), numRank(b)
	if ra < 0 {
		return 0, false, realError(who, a)
	}
	if rb < 0 {
		return 0, false, realError(who, b)
	}
	switch {
	case ra == rFlo && rb == rFlo:
		x, y := a.(Flonum), b.(Flonum)
		switch {
		case x < y:
			return -1, true, nil
		case x > y:
			return 1, true, nil
		case x == y:
			return 0, true, nil
		}
		return 0, false, nil
	case ra == rFlo:
		c, ok := cmpExactFloat(b, float64(a.(Flonum)))
		return -c, ok, nil
	case rb == rFlo:
		c, ok := cmpExactFloat(a, float64(b.(Flonum)))
		return c, ok, nil
	}
	switch max(ra, rb) {
	case rFix:
		return cmpInt(a.(Fixnum), b.(Fixnum)), true, nil
	case rBig:
		return bigOf(a).Cmp(bigOf(b)), true, nil
	}
	return ratOf(a).Cmp(ratOf(b)), true, nil
}

// Compare returns -1, 0 or 1 as a is less than, equal to or greater than
// b, comparing exactly even across exact and inexact numbers. Who names
// the procedure in the error for a non-number. Comparisons involving a
// NaN return 0: use NumEq, NumLess and NumLessEq for the predicates,
// which are false whenever a NaN is involved, and Max/Min, which
// propagate NaN.
func Compare(a, b Value, who string) (int, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			return cmpInt(x, y), nil
		}
	}
	c, _, err := numCompare(a, b, who)
	return c, err
}

// NumEq reports a = b (false if either is NaN).
func NumEq(a, b Value, who string) (bool, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			return x == y, nil
		}
	}
	if x, ok := a.(Flonum); ok {
		if y, ok := b.(Flonum); ok {
			return x == y, nil
		}
	}
	c, ok, err := numCompare(a, b, who)
	if err != nil {
		// numCompare refuses non-reals, which = accepts.
		switch {
		case !IsNumber(a):
			return false, TypeError(who, "number", a)
		case !IsNumber(b):
			return false, TypeError(who, "number", b)
		}
		return complexEq(a, b), nil
	}
	return ok && c == 0, err
}

// NumLess reports a < b (false if either is NaN). For a > b, use
// NumLess(b, a).
func NumLess(a, b Value, who string) (bool, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			return x < y, nil
		}
	}
	if x, ok := a.(Flonum); ok {
		if y, ok := b.(Flonum); ok {
			return x < y, nil
		}
	}
	c, ok, err := numCompare(a, b, who)
	return ok && c < 0, err
}

// NumLessEq reports a <= b (false if either is NaN). For a >= b, use
// NumLessEq(b, a).
func NumLessEq(a, b Value, who string) (bool, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			return x <= y, nil
		}
	}
	if x, ok := a.(Flonum); ok {
		if y, ok := b.(Flonum); ok {
			return x <= y, nil
		}
	}
	c, ok, err := numCompare(a, b, who)
	return ok && c <= 0, err
}

// ---------------------------------------------------------------------
// Predicates

// IsInteger reports whether a is an integer, exact or inexact (2. is).
func IsInteger(a Value) bool {
	switch x := a.(type) {
	case Fixnum, *big.Int:
		return true
	case Flonum:
		f := float64(x)
		return f == math.Trunc(f) && !math.IsInf(f, 0)
	}
	return false
}

// IsExact reports whether a is an exact number.
func IsExact(a Value) bool {
	switch x := a.(type) {
	case Fixnum, *big.Int, *big.Rat:
		return true
	case *Complex:
		return IsExact(x.Re)
	}
	return false
}

// IsExactInteger reports whether a is an exact integer.
func IsExactInteger(a Value) bool {
	switch a.(type) {
	case Fixnum, *big.Int:
		return true
	}
	return false
}

// sign returns the sign of a real; NaN has sign 0 and reports false.
func numSign(a Value) (int, bool) {
	switch x := a.(type) {
	case Fixnum:
		return cmpInt(x, 0), true
	case Flonum:
		switch {
		case x > 0:
			return 1, true
		case x < 0:
			return -1, true
		case x == 0:
			return 0, true
		}
		return 0, false
	case *big.Int:
		return x.Sign(), true
	case *big.Rat:
		return x.Sign(), true
	}
	return 0, false
}

// IsZero reports whether a is a zero number (0, 0., -0. or 0.+0.i).
func IsZero(a Value) bool {
	s, ok := numSign(a)
	if !ok {
		if z, isC := a.(*Complex); isC {
			return IsZero(z.Re) && IsZero(z.Im)
		}
	}
	return ok && s == 0
}

// IsPositive reports whether a is a number greater than zero.
func IsPositive(a Value) bool {
	s, _ := numSign(a)
	return s > 0
}

// IsNegative reports whether a is a number less than zero (-0. is not).
func IsNegative(a Value) bool {
	s, _ := numSign(a)
	return s < 0
}

// ---------------------------------------------------------------------
// Integer division

// intRank checks that a and b are integers (exact, or integral flonums)
// and returns the higher rank.
func intRank(who string, a, b Value) (int, error) {
	if !IsInteger(a) {
		return 0, TypeError(who, "integer", a)
	}
	if !IsInteger(b) {
		return 0, TypeError(who, "integer", b)
	}
	return max(numRank(a), numRank(b)), nil
}

// divide implements the truncate/ and floor/ families.
func intDivide(who string, a, b Value, floor bool) (q, r Value, err error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			if y == 0 {
				return nil, nil, Errorf("%s: division by zero", who)
			}
			if y == -1 {
				q, _ := Negate(x)
				return q, Int(0), nil
			}
			q, r := x/y, x%y
			if floor && r != 0 && (r < 0) != (y < 0) {
				q--
				r += y
			}
			return Int(int64(q)), Int(int64(r)), nil
		}
	}
	rk, err := intRank(who, a, b)
	if err != nil {
		return nil, nil, err
	}
	if rk == rFlo {
		x, y := floOf(a), floOf(b)
		if y == 0 {
			return nil, nil, Errorf("%s: division by zero", who)
		}
		r := math.Mod(x, y)
		if floor && r != 0 && (r < 0) != (y < 0) {
			r += y
		}
		q := math.Round((x - r) / y)
		return Flonum(q), Flonum(r), nil
	}
	x, y := bigOf(a), bigOf(b)
	if y.Sign() == 0 {
		return nil, nil, Errorf("%s: division by zero", who)
	}
	bq, br := new(big.Int).QuoRem(x, y, new(big.Int))
	if floor && br.Sign() != 0 && br.Sign() != y.Sign() {
		bq.Sub(bq, big.NewInt(1))
		br.Add(br, y)
	}
	return NormBig(bq), NormBig(br), nil
}

// TruncateDiv implements truncate/: q = truncate(a/b), r = a - bq.
func TruncateDiv(a, b Value) (q, r Value, err error) {
	return intDivide("truncate/", a, b, false)
}

// FloorDiv implements floor/: q = floor(a/b), r = a - bq.
func FloorDiv(a, b Value) (q, r Value, err error) {
	return intDivide("floor/", a, b, true)
}

// Quotient implements quotient (truncate-quotient).
func Quotient(a, b Value) (Value, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok && y != 0 && y != -1 {
			return Int(int64(x / y)), nil
		}
	}
	q, _, err := intDivide("quotient", a, b, false)
	return q, err
}

// Remainder implements remainder (truncate-remainder): the sign of a.
func Remainder(a, b Value) (Value, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok && y != 0 {
			return Int(int64(x % y)), nil // x % -1 is 0, even for MinInt64
		}
	}
	_, r, err := intDivide("remainder", a, b, false)
	return r, err
}

// Modulo implements modulo (floor-remainder): the sign of b.
func Modulo(a, b Value) (Value, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok && y != 0 {
			r := x % y
			if r != 0 && (r < 0) != (y < 0) {
				r += y
			}
			return Int(int64(r)), nil
		}
	}
	_, r, err := intDivide("modulo", a, b, true)
	return r, err
}

// Gcd returns the greatest common divisor of a and b, non-negative.
func Gcd(a, b Value) (Value, error) {
	rk, err := intRank("gcd", a, b)
	if err != nil {
		return nil, err
	}
	switch rk {
	case rFix:
		g := gcd64(uabs(int64(a.(Fixnum))), uabs(int64(b.(Fixnum))))
		if g > math.MaxInt64 {
			return new(big.Int).SetUint64(g), nil
		}
		return Int(int64(g)), nil
	case rFlo:
		return Flonum(gcdFloat(floOf(a), floOf(b))), nil
	}
	return NormBig(new(big.Int).GCD(nil, nil, bigOf(a), bigOf(b))), nil
}

func gcd64(x, y uint64) uint64 {
	if x == 0 {
		return y
	}
	if y == 0 {
		return x
	}
	shift := bits.TrailingZeros64(x | y)
	x >>= bits.TrailingZeros64(x)
	for y != 0 {
		y >>= bits.TrailingZeros64(y)
		if x > y {
			x, y = y, x
		}
		y -= x
	}
	return x << shift
}

func gcdFloat(x, y float64) float64 {
	x, y = math.Abs(x), math.Abs(y)
	for y != 0 {
		x, y = y, math.Mod(x, y)
	}
	return x
}

// Lcm returns the least common multiple of a and b, non-negative.
func Lcm(a, b Value) (Value, error) {
	rk, err := intRank("lcm", a, b)
	if err != nil {
		return nil, err
	}
	if rk == rFlo {
		x, y := math.Abs(floOf(a)), math.Abs(floOf(b))
		if x == 0 || y == 0 {
			return Flonum(0), nil
		}
		return Flonum(x / gcdFloat(x, y) * y), nil
	}
	if IsZero(a) || IsZero(b) {
		return Int(0), nil
	}
	g, _ := Gcd(a, b)
	q, _ := Quotient(a, g)
	p, _ := Mul(q, b)
	return Abs(p)
}

// ---------------------------------------------------------------------
// Rounding

// ratFloor returns floor(r) for a ratio.
func ratFloor(r *big.Rat) *big.Int {
	// For a positive divisor, Euclidean division is floor division.
	return new(big.Int).Div(r.Num(), r.Denom())
}

func roundOp(who string, a Value, ff func(float64) float64, rf func(*big.Rat) *big.Int) (Value, error) {
	switch x := a.(type) {
	case Fixnum, *big.Int:
		return a, nil
	case Flonum:
		return Flonum(ff(float64(x))), nil
	case *big.Rat:
		return NormBig(rf(x)), nil
	}
	return nil, realError(who, a)
}

// Floor returns the largest integer not greater than a.
func Floor(a Value) (Value, error) { return roundOp("floor", a, math.Floor, ratFloor) }

// Ceiling returns the smallest integer not less than a.
func Ceiling(a Value) (Value, error) {
	return roundOp("ceiling", a, math.Ceil, func(r *big.Rat) *big.Int {
		f := ratFloor(new(big.Rat).Neg(r))
		return f.Neg(f)
	})
}

// Truncate returns the integer nearest a toward zero.
func Truncate(a Value) (Value, error) {
	return roundOp("truncate", a, math.Trunc, func(r *big.Rat) *big.Int {
		return new(big.Int).Quo(r.Num(), r.Denom())
	})
}

// Round returns the integer nearest a, rounding halves to even.
func Round(a Value) (Value, error) {
	return roundOp("round", a, math.RoundToEven, func(r *big.Rat) *big.Int {
		n, d := r.Num(), r.Denom()
		if d.Cmp(big.NewInt(2)) == 0 {
			// A half: pick the even neighbour.
			q := new(big.Int).Div(n, d)
			if q.Bit(0) == 1 {
				q.Add(q, big.NewInt(1))
			}
			return q
		}
		// floor(r + 1/2) = floor((2n + d) / 2d)
		num := new(big.Int).Lsh(n, 1)
		num.Add(num, d)
		return num.Div(num, new(big.Int).Lsh(d, 1))
	})
}

// ---------------------------------------------------------------------
// Exactness

// exactFloat converts a finite float to an exact number.
func exactFloat(f float64) Value {
	if f == math.Trunc(f) && f >= -(1<<63) && f < 1<<63 {
		return Int(int64(f))
	}
	return NormRat(new(big.Rat).SetFloat64(f))
}

// Exact returns the exact number equal to a. Infinities and NaN have
// none and are an error.
func Exact(a Value) (Value, error) {
	switch x := a.(type) {
	case Fixnum, *big.Int, *big.Rat:
		return a, nil
	case Flonum:
		f := float64(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, Errorf("exact: no exact representation of %s", FlonumString(f, 10))
		}
		return exactFloat(f), nil
	case *Complex:
		return complexMap(x, Exact)
	}
	return nil, TypeError("exact", "number", a)
}

// Inexact returns the flonum nearest a.
func Inexact(a Value) (Value, error) {
	if x, ok := a.(Flonum); ok {
		return x, nil
	}
	if z, ok := a.(*Complex); ok {
		return complexMap(z, Inexact)
	}
	f, ok := ToFloat(a)
	if !ok {
		return nil, TypeError("inexact", "number", a)
	}
	return Flonum(f), nil
}

// ---------------------------------------------------------------------
// Roots and powers

// isqrt64 returns floor(sqrt(n)).
func isqrt64(n uint64) uint64 {
	s := uint64(math.Sqrt(float64(n)))
	if s > math.MaxUint32 {
		s = math.MaxUint32
	}
	for s*s > n {
		s--
	}
	for s < math.MaxUint32 && (s+1)*(s+1) <= n {
		s++
	}
	return s
}

// exactSqrt returns the exact square root of a non-negative exact integer
// and whether it is exact.
func exactSqrt(x *big.Int) (*big.Int, bool) {
	s := new(big.Int).Sqrt(x)
	return s, new(big.Int).Mul(s, s).Cmp(x) == 0
}

// Sqrt returns the principal square root of a: exact for exact perfect
// squares (including ratios of them and their negations: (sqrt -4) =>
// +2i), inexact otherwise.
func Sqrt(a Value) (Value, error) {
	if s, ok := numSign(a); ok && s < 0 {
		r, err := Sqrt(must(Negate(a)))
		if err != nil {
			return nil, err
		}
		return MakeRect(Int(0), r), nil
	}
	switch x := a.(type) {
	case Fixnum:
		s := isqrt64(uint64(x))
		if s*s == uint64(x) {
			return Int(int64(s)), nil
		}
		return Flonum(math.Sqrt(float64(x))), nil
	case Flonum:
		return Flonum(math.Sqrt(float64(x))), nil
	case *big.Int:
		if s, ok := exactSqrt(x); ok {
			return NormBig(s), nil
		}
		f := new(big.Float).SetPrec(128).SetInt(x)
		r, _ := f.Sqrt(f).Float64()
		return Flonum(r), nil
	case *big.Rat:
		if n, ok := exactSqrt(x.Num()); ok {
			if d, ok := exactSqrt(x.Denom()); ok {
				return NormRat(new(big.Rat).SetFrac(n, d)), nil
			}
		}
		f := new(big.Float).SetPrec(128).SetRat(x)
		r, _ := f.Sqrt(f).Float64()
		return Flonum(r), nil
	case *Complex:
		return complexSqrt(x), nil
	}
	return nil, TypeError("sqrt", "number", a)
}

// ExactIntegerSqrt returns s and r with s*s + r = a and s*s <= a < (s+1)^2
// for a non-negative exact integer a.
func ExactIntegerSqrt(a Value) (s, r Value, err error) {
	switch x := a.(type) {
	case Fixnum:
		if x >= 0 {
			s := isqrt64(uint64(x))
			return Int(int64(s)), Int(int64(x) - int64(s*s)), nil
		}
	case *big.Int:
		if x.Sign() >= 0 {
			s := new(big.Int).Sqrt(x)
			r := new(big.Int).Mul(s, s)
			return NormBig(s), NormBig(r.Sub(x, r)), nil
		}
	}
	return nil, nil, TypeError("exact-integer-sqrt", "non-negative exact integer", a)
}

// maxExptBits bounds the size of exact powers, so that a mistaken
// (expt 10 (expt 10 12)) fails instead of exhausting memory.
const maxExptBits = 1 << 28

// Expt returns a raised to the power b. An exact base with an exact
// integer exponent gives an exact result (a ratio for negative
// exponents); anything else is computed in floating point, as a complex
// e^(b log a) when a is negative and b not an integer, or either is
// non-real: (expt -8 1/3) => 1.0+1.732050807568877i.
func Expt(a, b Value) (Value, error) {
	ra, rb := numRank(a), numRank(b)
	if ra < 0 || rb < 0 {
		if _, err := numRanks("expt", a, b); err != nil {
			return nil, err
		}
		return complexExpt(a, b)
	}
	if rb == rFix || rb == rBig {
		if ra == rFlo {
			return Flonum(math.Pow(float64(a.(Flonum)), floOf(b))), nil
		}
		return exactExpt(a, b)
	}
	x, y := floOf(a), floOf(b)
	if math.IsNaN(x) || math.IsNaN(y) {
		return Flonum(math.NaN()), nil
	}
	if x < 0 && y != math.Trunc(y) {
		return complexExpt(a, b)
	}
	if math.IsInf(x, 0) && ra != rFlo && !math.IsInf(y, 0) {
		// An exact base beyond the flonum range.
		return Flonum(math.Exp(y * logExact(a))), nil
	}
	return Flonum(math.Pow(x, y)), nil
}

// exactExpt raises an exact number to an exact integer power.
func exactExpt(a, b Value) (Value, error) {
	if isExactZero(b) {
		return Int(1), nil
	}
	bs, _ := numSign(b)
	if x, ok := a.(Fixnum); ok {
		switch x {
		case 0:
			if bs < 0 {
				return nil, Errorf("expt: division by zero")
			}
			return Int(0), nil
		case 1:
			return Int(1), nil
		case -1:
			if bigOf(b).Bit(0) == 0 {
				return Int(1), nil
			}
			return Int(-1), nil
		}
	}
	e, ok := b.(Fixnum)
	if !ok {
		return nil, Errorf("expt: exponent %s too large", WriteString(b))
	}
	ue := uabs(int64(e))
	var bitLen int
	switch x := a.(type) {
	case Fixnum:
		bitLen = bits.Len64(uabs(int64(x)))
	case *big.Int:
		bitLen = x.BitLen()
	case *big.Rat:
		bitLen = max(x.Num().BitLen(), x.Denom().BitLen())
	}
	if hi, lo := bits.Mul64(uint64(bitLen-1), ue); hi != 0 || lo > maxExptBits {
		return nil, Errorf("expt: result of (expt %s %s) too large", WriteString(a), WriteString(b))
	}
	var p Value
	switch x := a.(type) {
	case Fixnum:
		p = intPow(int64(x), ue)
	case *big.Int:
		p = NormBig(new(big.Int).Exp(x, new(big.Int).SetUint64(ue), nil))
	case *big.Rat:
		n := new(big.Int).Exp(x.Num(), new(big.Int).SetUint64(ue), nil)
		d := new(big.Int).Exp(x.Denom(), new(big.Int).SetUint64(ue), nil)
		p = new(big.Rat).SetFrac(n, d)
	}
	if bs < 0 {
		return Div(Int(1), p)
	}
	return p, nil
}

// intPow returns x^e, exact.
func intPow(x int64, e uint64) Value {
	r, base, n := int64(1), x, e
	for {
		if n&1 == 1 {
			var ok bool
			if r, ok = mulFix(r, base); !ok {
				break
			}
		}
		n >>= 1
		if n == 0 {
			return Int(r)
		}
		var ok bool
		if base, ok = mulFix(base, base); !ok {
			break
		}
	}
	return NormBig(new(big.Int).Exp(big.NewInt(x), new(big.Int).SetUint64(e), nil))
}

// ---------------------------------------------------------------------
// Transcendental functions

// floArg returns a real a as a float64 for the procedure who.
func floArg(who string, a Value) (float64, error) {
	f, ok := ToFloat(a)
	if !ok {
		return 0, realError(who, a)
	}
	return f, nil
}

// logBig returns the natural logarithm of a positive big integer, even
// beyond the flonum range.
func logBig(b *big.Int) float64 {
	if b.BitLen() < 1000 {
		return math.Log(bigToFloat(b))
	}
	mant := new(big.Float)
	exp := new(big.Float).SetInt(b).MantExp(mant)
	m, _ := mant.Float64()
	return math.Log(m) + float64(exp)*math.Ln2
}

// logExact returns the natural logarithm of a positive exact number.
func logExact(a Value) float64 {
	switch x := a.(type) {
	case Fixnum:
		return math.Log(float64(x))
	case *big.Int:
		return logBig(x)
	case *big.Rat:
		if f, _ := x.Float64(); f != 0 && !math.IsInf(f, 0) {
			return math.Log(f)
		}
		return logBig(x.Num()) - logBig(x.Denom())
	}
	panic("value: logExact of inexact number")
}

// Exp returns e^a; (exp 0) is exact 1.
func Exp(a Value) (Value, error) {
	if isExactZero(a) {
		return Int(1), nil
	}
	if z, ok := a.(*Complex); ok {
		return fromC(cmplx.Exp(toC(z))), nil
	}
	f, err := floArg("exp", a)
	if err != nil {
		return nil, err
	}
	return Flonum(math.Exp(f)), nil
}

// logOf returns the natural logarithm of a as a float64.
func logOf(who string, a Value) (float64, error) {
	s, ok := numSign(a)
	if !ok && numRank(a) < 0 {
		return 0, TypeError(who, "number", a)
	}
	if s < 0 {
		panic("value: logOf of a negative number")
	}
	if x, ok := a.(Flonum); ok {
		return math.Log(float64(x)), nil
	}
	if s == 0 {
		return math.Inf(-1), nil
	}
	return logExact(a), nil
}

// Log returns the natural logarithm of a; (log 1) is exact 0 and (log 0)
// is -inf.0.
func Log(a Value) (Value, error) {
	if isExactOne(a) {
		return Int(0), nil
	}
	if !IsReal(a) || IsNegative(a) {
		if !IsNumber(a) {
			return nil, TypeError("log", "number", a)
		}
		return complexLog(a), nil
	}
	f, err := logOf("log", a)
	if err != nil {
		return nil, err
	}
	return Flonum(f), nil
}

// Log2 returns the logarithm of a in base base (two-argument log).
func Log2(a, base Value) (Value, error) {
	if !IsReal(a) || !IsReal(base) || IsNegative(a) || IsNegative(base) {
		if _, err := numRanks("log", a, base); err != nil {
			return nil, err
		}
		if IsZero(base) || isExactOne(base) {
			return nil, Errorf("log: base %s has no logarithm to divide by", WriteString(base))
		}
		if isExactZero(a) {
			return nil, Errorf("log: logarithm of exact 0")
		}
		return Div(complexLog0(a), complexLog0(base))
	}
	lb, err := logOf("log", base)
	if err != nil {
		return nil, err
	}
	if isExactOne(a) && IsExact(base) {
		return Int(0), nil
	}
	la, err := logOf("log", a)
	if err != nil {
		return nil, err
	}
	return Flonum(la / lb), nil
}

// trig applies f to a, giving exactly zeroVal for an exact zero argument
// when zeroVal is not nil.
func trigOp(who string, a Value, f func(float64) float64, zeroVal Value, cf func(complex128) complex128) (Value, error) {
	if zeroVal != nil && isExactZero(a) {
		return zeroVal, nil
	}
	if z, ok := a.(*Complex); ok {
		return fromC(cf(toC(z))), nil
	}
	x, err := floArg(who, a)
	if err != nil {
		return nil, err
	}
	return Flonum(f(x)), nil
}

// Sin returns the sine of a; (sin 0) is exact 0.
func Sin(a Value) (Value, error) { return trigOp("sin", a, math.Sin, Int(0), cmplx.Sin) }

// Cos returns the cosine of a; (cos 0) is exact 1.
func Cos(a Value) (Value, error) { return trigOp("cos", a, math.Cos, Int(1), cmplx.Cos) }

// Tan returns the tangent of a; (tan 0) is exact 0.
func Tan(a Value) (Value, error) { return trigOp("tan", a, math.Tan, Int(0), cmplx.Tan) }

// Atan returns the arctangent of a; (atan 0) is exact 0.
func Atan(a Value) (Value, error) {
	if _, ok := a.(*Complex); ok {
		return complexAtan(a)
	}
	return trigOp("atan", a, math.Atan, Int(0), nil)
}

// arcTrig applies f to a real a in [-1, 1], and cf (R7RS's formula) to
// any other number.
func arcTrig(who string, a Value, f func(float64) float64, cf func(Value) Value) (Value, error) {
	if _, ok := a.(*Complex); ok {
		return cf(a), nil
	}
	x, err := floArg(who, a)
	if err != nil {
		return nil, err
	}
	if x < -1 || x > 1 {
		return cf(a), nil
	}
	return Flonum(f(x)), nil
}

// Asin returns the arcsine of a; (asin 0) is exact 0.
func Asin(a Value) (Value, error) {
	if isExactZero(a) {
		return Int(0), nil
	}
	return arcTrig("asin", a, math.Asin, complexAsin)
}

// Acos returns the arccosine of a; (acos 1) is exact 0.
func Acos(a Value) (Value, error) {
	if isExactOne(a) {
		return Int(0), nil
	}
	return arcTrig("acos", a, math.Acos, complexAcos)
}

// Atan2 returns the angle of the point (x, y): two-argument atan. It is
// exact 0 for an exact 0 y and exact positive x.
func Atan2(y, x Value) (Value, error) {
	fy, err := floArg("atan", y)
	if err != nil {
		return nil, err
	}
	fx, err := floArg("atan", x)
	if err != nil {
		return nil, err
	}
	if isExactZero(y) && IsExact(x) && IsPositive(x) {
		return Int(0), nil
	}
	return Flonum(math.Atan2(fy, fx)), nil
}

// ---------------------------------------------------------------------
// Rationals

// Numerator returns the numerator of a in lowest terms; for a flonum, the
// numerator of its exact value, as a flonum.
func Numerator(a Value) (Value, error) {
	switch x := a.(type) {
	case Fixnum, *big.Int:
		return a, nil
	case *big.Rat:
		return NormBig(new(big.Int).Set(x.Num())), nil
	case Flonum:
		f := float64(x)
		if f == math.Trunc(f) || math.IsNaN(f) {
			return a, nil // integers, infinities and NaN
		}
		return Flonum(bigToFloat(new(big.Rat).SetFloat64(f).Num())), nil
	}
	return nil, realError("numerator", a)
}

// Denominator returns the (positive) denominator of a in lowest terms;
// for a flonum, that of its exact value, as a flonum.
func Denominator(a Value) (Value, error) {
	switch x := a.(type) {
	case Fixnum, *big.Int:
		return Int(1), nil
	case *big.Rat:
		return NormBig(new(big.Int).Set(x.Denom())), nil
	case Flonum:
		f := float64(x)
		switch {
		case math.IsNaN(f):
			return a, nil
		case f == math.Trunc(f):
			return Flonum(1), nil
		}
		return Flonum(bigToFloat(new(big.Rat).SetFloat64(f).Denom())), nil
	}
	return nil, realError("denominator", a)
}

// Rationalize returns the simplest rational number differing from x by no
// more than y (R7RS 6.2.6); it is inexact if either argument is.
func Rationalize(x, y Value) (Value, error) {
	r, err := numRanks("rationalize", x, y)
	if err != nil {
		return nil, err
	}
	if r == rCpx {
		if !IsReal(x) {
			return nil, realError("rationalize", x)
		}
		return nil, realError("rationalize", y)
	}
	if r == rFlo {
		fx, fy := floOf(x), floOf(y)
		switch {
		case math.IsNaN(fx) || math.IsNaN(fy):
			return Flonum(math.NaN()), nil
		case math.IsInf(fy, 0):
			if math.IsInf(fx, 0) {
				return Flonum(math.NaN()), nil
			}
			return Flonum(0), nil
		case math.IsInf(fx, 0):
			return Flonum(fx), nil
		}
	}
	ex, _ := Exact(x)
	ey, _ := Exact(y)
	rx, ry := ratOf(ex), new(big.Rat).Abs(ratOf(ey))
	lo := new(big.Rat).Sub(rx, ry)
	hi := new(big.Rat).Add(rx, ry)
	var s *big.Rat
	switch {
	case lo.Sign() > 0:
		s = simplest(lo, hi)
	case hi.Sign() < 0:
		s = simplest(hi.Neg(hi), lo.Neg(lo))
		s.Neg(s)
	default:
		s = new(big.Rat)
	}
	if r == rFlo {
		f, _ := s.Float64()
		return Flonum(f), nil
	}
	return NormRat(s), nil
}

// simplest returns the simplest rational in [lo, hi], for 0 < lo <= hi.
func simplest(lo, hi *big.Rat) *big.Rat {
	fl := ratFloor(lo)
	flr := new(big.Rat).SetInt(fl)
	if flr.Cmp(lo) == 0 {
		return flr
	}
	if fl.Cmp(ratFloor(hi)) < 0 {
		return flr.SetInt(fl.Add(fl, big.NewInt(1)))
	}
	// fl < lo <= hi < fl+1: recurse on the reciprocals of the fractional
	// parts.
	nlo := new(big.Rat).Sub(hi, flr)
	nhi := new(big.Rat).Sub(lo, flr)
	s := simplest(nlo.Inv(nlo), nhi.Inv(nhi))
	return flr.Add(flr, s.Inv(s))
}

// ---------------------------------------------------------------------
// Conversions

// NumberToString formats a in radix 2, 8, 10 or 16.
func NumberToString(a Value, radix int) (string, error) {
	if !IsNumber(a) {
		return "", TypeError("number->string", "number", a)
	}
	switch radix {
	case 2, 8, 10, 16:
	default:
		return "", Errorf("number->string: radix must be 2, 8, 10 or 16, got %d", radix)
	}
	return NumberString(a, radix), nil
}

// IntegerToInt returns a as an int, for indices and counts: a must be an
// exact integer that fits.
func IntegerToInt(a Value, who string) (int, error) {
	switch x := a.(type) {
	case Fixnum:
		if int64(int(x)) == int64(x) {
			return int(x), nil
		}
		return 0, Errorf("%s: integer %s too large", who, WriteString(a))
	case *big.Int:
		return 0, Errorf("%s: integer %s too large", who, ShortText(WriteString(a), 60))
	}
	return 0, TypeError(who, "exact integer", a)
}
