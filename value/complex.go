package value

import (
	"math"
	"math/big"
	"math/bits"
	"math/cmplx"
)

// This file implements non-real complex numbers: their representation,
// construction, arithmetic and the transcendental functions on them.
//
// Fixnum and Flonum arithmetic never reaches this file: the tower's entry
// points (Add, Sqrt, ...) handle reals first and call here only for an
// operand that is a *Complex or for a real argument outside a function's
// real domain, such as (sqrt -4) or (asin 2).

// Complex is a non-real complex number in rectangular form. Either both
// parts are exact (Fixnum, *big.Int or *big.Rat) and Im is not zero, or
// both parts are Flonums; an inexact complex keeps a zero imaginary part,
// as R7RS's (real? -2.5+0.0i) => #f requires. MakeRect builds them.
type Complex struct {
	Re, Im Value
}

// MakeRect returns re + im*i for real re and im: a real when im is an
// exact zero, otherwise a *Complex whose parts are both inexact if either
// is.
func MakeRect(re, im Value) Value {
	if isExactZero(im) {
		return re
	}
	if IsExact(re) && IsExact(im) {
		return &Complex{re, im}
	}
	return &Complex{Flonum(floOf(re)), Flonum(floOf(im))}
}

// MakePolar returns mag * e^(i*ang) for real mag and ang; an exact zero
// angle gives mag itself.
func MakePolar(mag, ang Value) (Value, error) {
	if !IsReal(mag) {
		return nil, realError("make-polar", mag)
	}
	if !IsReal(ang) {
		return nil, realError("make-polar", ang)
	}
	if isExactZero(ang) {
		return mag, nil
	}
	m, a := floOf(mag), floOf(ang)
	return MakeRect(Flonum(m*math.Cos(a)), Flonum(m*math.Sin(a))), nil
}

// fromC converts a Go complex128 to a Scheme inexact complex.
func fromC(z complex128) Value {
	return &Complex{Flonum(real(z)), Flonum(imag(z))}
}

// toC converts any number to complex128 (reals get a +0 imaginary part).
func toC(v Value) complex128 {
	if z, ok := v.(*Complex); ok {
		return complex(floOf(z.Re), floOf(z.Im))
	}
	return complex(floOf(v), 0)
}

// IsReal reports whether v is a real number.
func IsReal(v Value) bool { return numRank(v) >= 0 }

// realError is the error for a number that is not real, or a non-number.
func realError(who string, v Value) error {
	if _, ok := v.(*Complex); ok {
		return TypeError(who, "real number", v)
	}
	return TypeError(who, "number", v)
}

// parts returns the rectangular parts of any number; a real has an exact
// zero imaginary part, which keeps (* 2.5 1+i) => 2.5+2.5i free of
// spurious inexact zeros.
func parts(v Value) (re, im Value) {
	if z, ok := v.(*Complex); ok {
		return z.Re, z.Im
	}
	return v, Int(0)
}

// RealPart returns the real part of a.
func RealPart(a Value) (Value, error) {
	if z, ok := a.(*Complex); ok {
		return z.Re, nil
	}
	if !IsReal(a) {
		return nil, TypeError("real-part", "number", a)
	}
	return a, nil
}

// ImagPart returns the imaginary part of a: exact 0 for any real.
func ImagPart(a Value) (Value, error) {
	if z, ok := a.(*Complex); ok {
		return z.Im, nil
	}
	if !IsReal(a) {
		return nil, TypeError("imag-part", "number", a)
	}
	return Int(0), nil
}

// Magnitude returns |a|: exact when a is exact and the result is (as
// for 3+4i).
func Magnitude(a Value) (Value, error) {
	z, ok := a.(*Complex)
	if !ok {
		if !IsReal(a) {
			return nil, TypeError("magnitude", "number", a)
		}
		return Abs(a)
	}
	if IsExact(z.Re) {
		rr, _ := Mul(z.Re, z.Re)
		ii, _ := Mul(z.Im, z.Im)
		s, _ := Add(rr, ii)
		return Sqrt(s)
	}
	return Flonum(math.Hypot(floOf(z.Re), floOf(z.Im))), nil
}

// Angle returns the argument of a, in (-pi, pi]; exact 0 for a
// non-negative exact real.
func Angle(a Value) (Value, error) {
	if z, ok := a.(*Complex); ok {
		return Flonum(math.Atan2(floOf(z.Im), floOf(z.Re))), nil
	}
	if !IsReal(a) {
		return nil, TypeError("angle", "number", a)
	}
	if IsExact(a) {
		if IsNegative(a) {
			return Flonum(math.Pi), nil
		}
		return Int(0), nil
	}
	return Flonum(math.Atan2(0, floOf(a))), nil
}

// complexArith computes a op b for numbers a, b of which one at least is
// a *Complex (op is '+', '-', '*' or '/').
func complexArith(op byte, a, b Value) (Value, error) {
	ar, ai := parts(a)
	br, bi := parts(b)
	switch op {
	case '+':
		return MakeRect(must(Add(ar, br)), must(Add(ai, bi))), nil
	case '-':
		return MakeRect(must(Sub(ar, br)), must(Sub(ai, bi))), nil
	case '*':
		re := must(Sub(must(Mul(ar, br)), must(Mul(ai, bi))))
		im := must(Add(must(Mul(ar, bi)), must(Mul(ai, br))))
		return MakeRect(re, im), nil
	}
	if _, ok := b.(*Complex); !ok {
		// A real divisor divides each part, exactly when it can.
		re, err := Div(ar, b)
		if err != nil {
			return nil, err
		}
		return MakeRect(re, must(Div(ai, b))), nil
	}
	if IsExact(a) && IsExact(b) {
		// (ar + ai i)(br - bi i) / (br^2 + bi^2); the denominator of a
		// non-real exact complex is never zero.
		d := must(Add(must(Mul(br, br)), must(Mul(bi, bi))))
		re := must(Add(must(Mul(ar, br)), must(Mul(ai, bi))))
		im := must(Sub(must(Mul(ai, br)), must(Mul(ar, bi))))
		return MakeRect(must(Div(re, d)), must(Div(im, d))), nil
	}
	return fromC(toC(a) / toC(b)), nil
}

// must unwraps the result of arithmetic on operands already known to be
// real numbers, which cannot fail except by an exact division by zero
// that callers rule out.
func must(v Value, err error) Value {
	if err != nil {
		panic("value: complex arithmetic on checked operands failed: " + err.Error())
	}
	return v
}

// complexEq reports a = b when one at least is a *Complex.
func complexEq(a, b Value) bool {
	ar, ai := parts(a)
	br, bi := parts(b)
	re, _ := NumEq(ar, br, "=")
	im, _ := NumEq(ai, bi, "=")
	return re && im
}

// complexMap converts a complex's parts with f (Exact or Inexact).
func complexMap(z *Complex, f func(Value) (Value, error)) (Value, error) {
	re, err := f(z.Re)
	if err != nil {
		return nil, err
	}
	im, err := f(z.Im)
	if err != nil {
		return nil, err
	}
	return MakeRect(re, im), nil
}

// complexSqrt returns the principal square root of z: exact when z is
// an exact complex whose root is exact, as (sqrt -3+4i) => 1+2i.
func complexSqrt(z *Complex) Value {
	if IsExact(z.Re) {
		// sqrt(z) = sqrt((|z|+re)/2) + sign(im) sqrt((|z|-re)/2) i
		m, _ := Magnitude(z)
		if IsExact(m) {
			x, _ := Sqrt(must(Div(must(Add(m, z.Re)), Int(2))))
			y, _ := Sqrt(must(Div(must(Sub(m, z.Re)), Int(2))))
			if IsExact(x) && IsExact(y) {
				if IsNegative(z.Im) {
					y = must(Negate(y))
				}
				return MakeRect(x, y)
			}
		}
	}
	return fromC(cmplx.Sqrt(toC(z)))
}

// complexLog returns the principal logarithm of a non-real z, or of a
// negative real: log|z| + i angle(z).
func complexLog(z Value) Value {
	if IsReal(z) {
		// A negative real: (log -1) => +3.141592653589793i.
		m, _ := Negate(z)
		re, _ := Log(m)
		return MakeRect(re, Flonum(math.Pi))
	}
	return fromC(cmplx.Log(toC(z)))
}

// complexExpt returns a^b when a or b is non-real, or a is a negative
// real and b a non-integer: exactly for an exact base and an exact
// integer exponent, otherwise as e^(b log a).
func complexExpt(a, b Value) (Value, error) {
	if _, ok := a.(*Complex); ok && IsExactInteger(b) {
		if IsExact(a) {
			return exactComplexPow(a, b)
		}
		if e, ok := b.(Fixnum); ok && e >= -64 && e <= 64 {
			// Repeated multiplication is exact where it can be:
			// (expt 1.+1.i 2) => 0.0+2.0i, not 1.2e-16+2.0i.
			return exactComplexPow(a, b)
		}
	}
	if IsZero(a) {
		br, _ := parts(b)
		if IsPositive(br) {
			if IsExact(a) && IsExact(b) {
				return Int(0), nil
			}
			return Flonum(0), nil
		}
		return nil, Errorf("expt: %s to the power %s is undefined", WriteString(a), WriteString(b))
	}
	// cmplx.Pow is e^(b log a) with the magnitude computed by math.Pow,
	// which is more accurate than exp of a product of logarithms.
	return fromC(cmplx.Pow(toC(a), toC(b))), nil
}

// complexLog0 is the principal logarithm of any non-zero number.
func complexLog0(a Value) Value {
	if IsReal(a) && !IsNegative(a) {
		l, _ := Log(a)
		return l
	}
	return complexLog(a)
}

// exactComplexPow raises a complex to a fixnum power by repeated
// squaring, bounding the size of an exact result as exactExpt does.
func exactComplexPow(a, b Value) (Value, error) {
	e, ok := b.(Fixnum)
	if !ok {
		return nil, Errorf("expt: exponent %s too large", WriteString(b))
	}
	if z := a.(*Complex); IsExact(z) {
		bitLen := 1
		for _, p := range []Value{z.Re, z.Im} {
			if r, ok := p.(*big.Rat); ok {
				bitLen = max(bitLen, r.Num().BitLen(), r.Denom().BitLen())
			} else {
				bitLen = max(bitLen, bigOf(p).BitLen())
			}
		}
		if hi, lo := bits.Mul64(uint64(bitLen), uabs(int64(e))); hi != 0 || lo > maxExptBits {
			return nil, Errorf("expt: result of (expt %s %s) too large", WriteString(a), WriteString(b))
		}
	}
	n := uabs(int64(e))
	var r Value = Int(1)
	base := a
	for n > 0 {
		if n&1 == 1 {
			r = must(Mul(r, base))
		}
		n >>= 1
		if n > 0 {
			base = must(Mul(base, base))
		}
	}
	if e < 0 {
		return Div(Int(1), r)
	}
	return r, nil
}

// complexAsin is R7RS's asin z = -i log(iz + sqrt(1 - z^2)).
func complexAsin(z Value) Value {
	c := toC(z)
	w := cmplx.Log(1i*c + cmplx.Sqrt(1-c*c))
	return fromC(-1i * w)
}

// complexAcos is R7RS's acos z = pi/2 - asin z.
func complexAcos(z Value) Value {
	a := toC(complexAsin(z))
	return fromC(complex(math.Pi/2, 0) - a)
}

// complexAtan is R7RS's atan z = (log(1+iz) - log(1-iz)) / 2i.
func complexAtan(z Value) (Value, error) {
	c := toC(z)
	if c == 1i || c == -1i {
		return nil, Errorf("atan: %s is a singularity", WriteString(z))
	}
	return fromC((cmplx.Log(1+1i*c) - cmplx.Log(1-1i*c)) / 2i), nil
}

// complexParts reports f for an inexact complex's parts, combined by any
// (or all, when all is true).
func complexParts(z *Complex, f func(float64) bool, all bool) bool {
	r, i := f(floOf(z.Re)), f(floOf(z.Im))
	if all {
		return r && i
	}
	return r || i
}

// IsNaN reports whether a is a number with a NaN part.
func IsNaN(a Value) bool {
	switch x := a.(type) {
	case Flonum:
		return x != x
	case *Complex:
		return complexParts(x, math.IsNaN, false)
	}
	return false
}

// IsInfinite reports whether a is a number with an infinite part.
func IsInfinite(a Value) bool {
	isInf := func(f float64) bool { return math.IsInf(f, 0) }
	switch x := a.(type) {
	case Flonum:
		return isInf(float64(x))
	case *Complex:
		return complexParts(x, isInf, false)
	}
	return false
}

// IsFinite reports whether a is a number whose parts are all finite.
func IsFinite(a Value) bool {
	fin := func(f float64) bool { return f-f == 0 }
	switch x := a.(type) {
	case Flonum:
		return fin(float64(x))
	case *Complex:
		return complexParts(x, fin, true)
	}
	return true
}

// complexString formats z in radix: the real part (left out when it is
// exact 0 or +0.0, as chibi does), then the signed imaginary part and i,
// with +i and -i for an exact unit.
func complexString(z *Complex, radix int) string {
	s := ""
	if re, ok := z.Re.(Flonum); !(ok && re == 0 && !math.Signbit(float64(re))) && !isExactZero(z.Re) {
		s = NumberString(z.Re, radix)
	}
	switch {
	case isExactOne(z.Im):
		return s + "+i"
	case isMinusOne(z.Im):
		return s + "-i"
	}
	im := NumberString(z.Im, radix)
	if im[0] != '-' && im[0] != '+' {
		im = "+" + im
	}
	return s + im + "i"
}

// isMinusOne reports whether v is the exact integer -1.
func isMinusOne(v Value) bool {
	x, ok := v.(Fixnum)
	return ok && x == -1
}
