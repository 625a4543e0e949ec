package value

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// maxExactExponent bounds the decimal exponent of an exact decimal such as
// #e1e400: a larger one would need an enormous power of ten, so the text is
// refused (an implementation restriction) instead of exhausting memory.
const maxExactExponent = 100000

// ParseNumber parses Scheme number syntax (R7RS 7.1.1) with the given
// default radix. It reports false if text is not a number.
//
// The syntax accepted is R7RS's: optional prefixes #x #b #o #d #e #i (a
// radix and an exactness, in either order, any case), then a complex
// number in rectangular form (1+2i, -2.5+0.0i, +i, 3.0+inf.0i, 1/2-3/4i)
// or polar form (1@1.5707963), made of reals: a signed integer, ratio
// n/d, decimal (radix 10 only, with an optional exponent marked e, s, f,
// d or l, all meaning the one flonum precision), or one of +inf.0 -inf.0
// +nan.0 -nan.0. Integers and ratios are exact unless #i is given;
// decimals are inexact unless #e is given, in which case they are
// converted exactly (#e1.5 is 3/2). The prefix applies to both parts of
// a complex. A ratio with a zero denominator is not a number.
func ParseNumber(text string, radix int) (Value, bool) {
	var exact byte // 0 (unspecified), 'e' or 'i'
	radixSet := false
	s := text
	for len(s) >= 2 && s[0] == '#' {
		switch s[1] | 0x20 {
		case 'x', 'b', 'o', 'd':
			if radixSet {
				return nil, false
			}
			radixSet = true
			switch s[1] | 0x20 {
			case 'x':
				radix = 16
			case 'b':
				radix = 2
			case 'o':
				radix = 8
			default:
				radix = 10
			}
		case 'e', 'i':
			if exact != 0 {
				return nil, false
			}
			exact = s[1] | 0x20
		default:
			return nil, false
		}
		s = s[2:]
	}
	if len(s) == 0 || radix < 2 || radix > 16 {
		return nil, false
	}
	var z Value
	var ok bool
	switch at := strings.IndexByte(s, '@'); {
	case s[len(s)-1] == 'i' || s[len(s)-1] == 'I':
		z, ok = parseRect(s[:len(s)-1], radix, exact)
	case at >= 0:
		z, ok = parsePolar(s[:at], s[at+1:], radix, exact)
	default:
		return parseReal(s, radix, exact)
	}
	if ok && exact == 'i' {
		// #i applies to the complex number, so that an exact zero
		// imaginary part still makes a real: #i1+0i is 1.0, as
		// (inexact 1+0i) is.
		z, _ = Inexact(z)
	}
	return z, ok
}

// parseRect parses the text of a rectangular complex up to its final i:
// an optional real, then a sign followed by an optional unsigned real.
// The parts are read exact unless they are decimals (#i is the
// caller's).
func parseRect(s string, radix int, exact byte) (Value, bool) {
	if exact == 'i' {
		exact = 0
	}
	for k := 0; k < len(s); k++ {
		if s[k] != '+' && s[k] != '-' {
			continue
		}
		var re Value = Int(0)
		if k > 0 {
			var ok bool
			if re, ok = parseReal(s[:k], radix, exact); !ok {
				continue
			}
		}
		var im Value
		switch s[k:] {
		case "+":
			im = Int(1)
		case "-":
			im = Int(-1)
		default:
			var ok bool
			if im, ok = parseReal(s[k:], radix, exact); !ok {
				continue
			}
		}
		return MakeRect(re, im), true
	}
	return nil, false
}

// parsePolar parses a complex in polar form, magnitude@angle; like
// parseRect, it leaves #i to the caller.
func parsePolar(mag, ang string, radix int, exact byte) (Value, bool) {
	if exact == 'i' {
		exact = 0
	}
	m, ok := parseReal(mag, radix, exact)
	if !ok {
		return nil, false
	}
	a, ok := parseReal(ang, radix, exact)
	if !ok {
		return nil, false
	}
	z, err := MakePolar(m, a)
	if err != nil {
		return nil, false
	}
	if exact == 'e' {
		if z, err = Exact(z); err != nil {
			return nil, false
		}
	}
	return z, true
}

// parseReal parses a real number after the prefixes.
func parseReal(s string, radix int, exact byte) (Value, bool) {
	if len(s) == 0 {
		return nil, false
	}
	neg := false
	body := s
	switch s[0] {
	case '+', '-':
		neg = s[0] == '-'
		body = s[1:]
		if len(body) == 5 {
			if v, ok := parseInfNan(body, neg); ok {
				if exact == 'e' {
					return nil, false
				}
				return v, true
			}
		}
	}
	if len(body) == 0 {
		return nil, false
	}
	i := digitRun(body, radix)
	if i == len(body) {
		v := parseUinteger(body, radix, neg)
		if exact == 'i' {
			return toFlonum(v), true
		}
		return v, true
	}
	switch body[i] {
	case '/':
		den := body[i+1:]
		if i == 0 || len(den) == 0 || digitRun(den, radix) != len(den) {
			return nil, false
		}
		n := toBig(parseUinteger(body[:i], radix, neg))
		d := toBig(parseUinteger(den, radix, false))
		if d.Sign() == 0 {
			return nil, false
		}
		v := NormRat(new(big.Rat).SetFrac(n, d))
		if exact == 'i' {
			return toFlonum(v), true
		}
		return v, true
	case '.', 'e', 'E', 's', 'S', 'f', 'F', 'd', 'D', 'l', 'L':
		if radix != 10 {
			return nil, false
		}
		exp, ok := checkDecimal(body)
		if !ok {
			return nil, false
		}
		s = normalizeExponent(s)
		if exact == 'e' {
			if exp > maxExactExponent || exp < -maxExactExponent {
				return nil, false
			}
			r, ok := new(big.Rat).SetString(s)
			if !ok {
				return nil, false
			}
			return NormRat(r), true
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
				return nil, false
			}
		}
		return Flonum(f), true
	}
	return nil, false
}

// parseInfNan recognizes inf.0 and nan.0 (any case) after a sign.
func parseInfNan(body string, neg bool) (Value, bool) {
	var lower [5]byte
	for i := 0; i < 5; i++ {
		c := body[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	switch string(lower[:]) {
	case "inf.0":
		if neg {
			return Flonum(math.Inf(-1)), true
		}
		return Flonum(math.Inf(1)), true
	case "nan.0":
		return Flonum(math.NaN()), true
	}
	return nil, false
}

// digitVal returns the value of the digit c, or 99 if c is not a digit.
func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// digitRun returns the length of the prefix of s made of radix digits.
func digitRun(s string, radix int) int {
	for i := 0; i < len(s); i++ {
		if digitVal(s[i]) >= radix {
			return i
		}
	}
	return len(s)
}

// parseUinteger converts the nonempty digit string s, negated when neg.
func parseUinteger(s string, radix int, neg bool) Value {
	// Fast path: small enough that it cannot overflow int64 (radix <= 16).
	if len(s) <= 15 || (radix <= 10 && len(s) <= 18) {
		var n int64
		for i := 0; i < len(s); i++ {
			n = n*int64(radix) + int64(digitVal(s[i]))
		}
		if neg {
			n = -n
		}
		return Int(n)
	}
	b, ok := new(big.Int).SetString(s, radix)
	if !ok {
		// Unreachable: s was checked to be digits.
		return Int(0)
	}
	if neg {
		b.Neg(b)
	}
	return NormBig(b)
}

// checkDecimal validates a radix-10 decimal (no sign): digits with an
// optional point and at least one digit, then an optional exponent e[sign]
// digits. It returns the exponent's value (saturated) and whether body is
// well formed.
func checkDecimal(body string) (int, bool) {
	i, digits := 0, 0
	for i < len(body) && body[i] >= '0' && body[i] <= '9' {
		i++
		digits++
	}
	if i < len(body) && body[i] == '.' {
		i++
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i == len(body) {
		return 0, true
	}
	if !isExponentMarker(body[i]) {
		return 0, false
	}
	i++
	neg := false
	if i < len(body) && (body[i] == '+' || body[i] == '-') {
		neg = body[i] == '-'
		i++
	}
	if i == len(body) {
		return 0, false
	}
	exp := 0
	for ; i < len(body); i++ {
		c := body[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if exp < 1<<30 {
			exp = exp*10 + int(c-'0')
		}
	}
	if neg {
		exp = -exp
	}
	return exp, true
}

// isExponentMarker reports whether c marks a decimal exponent: R7RS
// reads e, and also s, f, d and l (short, single, double, long) for
// programs from earlier reports; contigo has one flonum precision.
func isExponentMarker(c byte) bool {
	switch c | 0x20 {
	case 'e', 's', 'f', 'd', 'l':
		return true
	}
	return false
}

// normalizeExponent rewrites a checked decimal's exponent marker to e, the
// one strconv and big.Rat read.
func normalizeExponent(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != 'e' && c != 'E' && isExponentMarker(c) {
			return s[:i] + "e" + s[i+1:]
		}
	}
	return s
}

func toBig(v Value) *big.Int {
	switch n := v.(type) {
	case Fixnum:
		return big.NewInt(int64(n))
	case *big.Int:
		return n
	}
	return new(big.Int)
}

// toFlonum converts an exact integer or ratio to the nearest flonum.
func toFlonum(v Value) Value {
	switch n := v.(type) {
	case Fixnum:
		return Flonum(float64(n))
	case *big.Int:
		f, _ := new(big.Float).SetInt(n).Float64()
		return Flonum(f)
	case *big.Rat:
		f, _ := n.Float64()
		return Flonum(f)
	}
	return v
}
