package prims

// This file defines the numeric primitives (report 6.2). The numeric
// tower is in value; these add fixnum fast paths, argument checks and
// the variadic forms.

import (
	"math/big"

	"contigo/value"
)

var numberRows = []value.Primitive{
	{Name: "+", Min: 0, Max: -1, Fn: plus, Fn1: plus1, Fn2: Add2},
	{Name: "-", Min: 1, Max: -1, Fn: minus, Fn1: value.Negate, Fn2: Sub2},
	{Name: "/", Min: 1, Max: -1, Fn: divide, Fn1: reciprocal, Fn2: value.Div},
	{Name: "=", Min: 1, Max: -1, Fn: numEq, Fn2: numEq2},
	{Name: "<", Min: 1, Max: -1, Fn: numLess, Fn2: numLess2},
	{Name: ">", Min: 1, Max: -1, Fn: numGreater, Fn2: numGreater2},
	{Name: "<=", Min: 1, Max: -1, Fn: numLessEq, Fn2: numLessEq2},
	{Name: ">=", Min: 1, Max: -1, Fn: numGreaterEq, Fn2: numGreaterEq2},
	{Name: "max", Min: 1, Max: -1, Fn: maximum},
	{Name: "min", Min: 1, Max: -1, Fn: minimum},
	{Name: "quotient", Min: 2, Max: 2, Fn2: value.Quotient},
	{Name: "remainder", Min: 2, Max: 2, Fn2: value.Remainder},
	{Name: "modulo", Min: 2, Max: 2, Fn2: value.Modulo},
	{Name: "truncate-quotient", Min: 2, Max: 2, Fn2: value.Quotient},
	{Name: "truncate-remainder", Min: 2, Max: 2, Fn2: value.Remainder},
	{Name: "floor-remainder", Min: 2, Max: 2, Fn2: value.Modulo},
	{Name: "floor-quotient", Min: 2, Max: 2, Fn2: floorQuotient},
	{Name: "floor/", Min: 2, Max: 2, Fn2: floorDiv},
	{Name: "truncate/", Min: 2, Max: 2, Fn2: truncateDiv},
	{Name: "gcd", Min: 0, Max: -1, Fn: gcd},
	{Name: "lcm", Min: 0, Max: -1, Fn: lcm},
	{Name: "abs", Min: 1, Max: 1, Fn1: value.Abs},
	{Name: "magnitude", Min: 1, Max: 1, Fn1: value.Magnitude},
	{Name: "angle", Min: 1, Max: 1, Fn1: value.Angle},
	{Name: "real-part", Min: 1, Max: 1, Fn1: value.RealPart},
	{Name: "imag-part", Min: 1, Max: 1, Fn1: value.ImagPart},
	{Name: "make-rectangular", Min: 2, Max: 2, Fn2: makeRectangular},
	{Name: "make-polar", Min: 2, Max: 2, Fn2: value.MakePolar},
	{Name: "floor", Min: 1, Max: 1, Fn1: value.Floor},
	{Name: "ceiling", Min: 1, Max: 1, Fn1: value.Ceiling},
	{Name: "round", Min: 1, Max: 1, Fn1: value.Round},
	{Name: "truncate", Min: 1, Max: 1, Fn1: value.Truncate},
	{Name: "exact", Min: 1, Max: 1, Fn1: value.Exact},
	{Name: "inexact", Min: 1, Max: 1, Fn1: value.Inexact},
	{Name: "inexact->exact", Min: 1, Max: 1, Fn1: value.Exact},
	{Name: "exact->inexact", Min: 1, Max: 1, Fn1: value.Inexact},
	{Name: "numerator", Min: 1, Max: 1, Fn1: value.Numerator},
	{Name: "denominator", Min: 1, Max: 1, Fn1: value.Denominator},
	{Name: "rationalize", Min: 2, Max: 2, Fn2: value.Rationalize},
	{Name: "sqrt", Min: 1, Max: 1, Fn1: value.Sqrt},
	{Name: "exact-integer-sqrt", Min: 1, Max: 1, Fn1: exactIntegerSqrt},
	{Name: "exp", Min: 1, Max: 1, Fn1: value.Exp},
	{Name: "log", Min: 1, Max: 2, Fn1: value.Log, Fn2: value.Log2},
	{Name: "sin", Min: 1, Max: 1, Fn1: value.Sin},
	{Name: "cos", Min: 1, Max: 1, Fn1: value.Cos},
	{Name: "tan", Min: 1, Max: 1, Fn1: value.Tan},
	{Name: "asin", Min: 1, Max: 1, Fn1: value.Asin},
	{Name: "acos", Min: 1, Max: 1, Fn1: value.Acos},
	{Name: "atan", Min: 1, Max: 2, Fn1: value.Atan, Fn2: value.Atan2},
	{Name: "number?", Min: 1, Max: 1, Fn1: isNumber},
	{Name: "complex?", Min: 1, Max: 1, Fn1: isNumber},
	{Name: "real?", Min: 1, Max: 1, Fn1: isReal},
	{Name: "rational?", Min: 1, Max: 1, Fn1: isRational},
	{Name: "integer?", Min: 1, Max: 1, Fn1: isInteger},
	{Name: "exact-integer?", Min: 1, Max: 1, Fn1: isExactInteger},
	{Name: "exact-rational?", Min: 1, Max: 1, Fn1: isExactRational},
	{Name: "exact-nonnegative-integer?", Min: 1, Max: 1, Fn1: isExactNonnegativeInteger},
	{Name: "exact?", Min: 1, Max: 1, Fn1: isExact},
	{Name: "inexact?", Min: 1, Max: 1, Fn1: isInexact},
	{Name: "nan?", Min: 1, Max: 1, Fn1: isNaN},
	{Name: "infinite?", Min: 1, Max: 1, Fn1: isInfinite},
	{Name: "finite?", Min: 1, Max: 1, Fn1: isFinite},
	{Name: "zero?", Min: 1, Max: 1, Fn1: isZero},
	{Name: "positive?", Min: 1, Max: 1, Fn1: isPositive},
	{Name: "negative?", Min: 1, Max: 1, Fn1: isNegative},
	{Name: "odd?", Min: 1, Max: 1, Fn1: isOdd},
	{Name: "even?", Min: 1, Max: 1, Fn1: isEven},
	{Name: "string->number", Min: 1, Max: 2, Fn: stringToNumber},
}

// Add2, Sub2 and Mul2 are the fixnum fast paths of the arithmetic the
// evaluator inlines; anything else goes to the numeric tower in value.
func Add2(a, b V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		if y, ok := b.(value.Fixnum); ok {
			s := x + y
			if (x^s)&(y^s) >= 0 {
				return value.Int(int64(s)), nil
			}
		}
	}
	return value.Add(a, b)
}

// Sub2 is a - b.
func Sub2(a, b V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		if y, ok := b.(value.Fixnum); ok {
			s := x - y
			if (x^y)&(x^s) >= 0 {
				return value.Int(int64(s)), nil
			}
		}
	}
	return value.Sub(a, b)
}

// Mul2 is a * b.
func Mul2(a, b V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		if y, ok := b.(value.Fixnum); ok {
			if x > -1<<31 && x < 1<<31 && y > -1<<31 && y < 1<<31 {
				return value.Int(int64(x * y)), nil
			}
		}
	}
	return value.Mul(a, b)
}

// foldArith applies a variadic arithmetic operator: identity for no
// arguments (nil: at least one is required, which the arity ensures),
// one for a single argument, and op folded left to right.
func foldArith(args []V, identity V, one func(V) (V, error), op func(a, b V) (V, error)) (V, error) {
	switch len(args) {
	case 0:
		return identity, nil
	case 1:
		return one(args[0])
	}
	acc := args[0]
	for _, x := range args[1:] {
		var err error
		if acc, err = op(acc, x); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

func plus(args []V) (V, error)   { return foldArith(args, value.Int(0), plus1, Add2) }
func plus1(a V) (V, error)       { return checkNumber(a, "+") }
func minus(args []V) (V, error)  { return foldArith(args, nil, value.Negate, Sub2) }
func divide(args []V) (V, error) { return foldArith(args, nil, reciprocal, value.Div) }
func reciprocal(a V) (V, error)  { return value.Div(value.Int(1), a) }

func checkNumber(a V, who string) (V, error) {
	if !value.IsNumber(a) {
		return nil, value.TypeError(who, "number", a)
	}
	return a, nil
}

// compareChain applies a variadic comparison: true when each adjacent
// pair passes two. Every argument is checked, even after the answer is
// known.
func compareChain(args []V, who string, two func(a, b V) (V, error)) (V, error) {
	if len(args) == 1 {
		if !value.IsNumber(args[0]) {
			return nil, value.TypeError(who, "number", args[0])
		}
		return true, nil
	}
	result := true
	for i := 0; i+1 < len(args); i++ {
		r, err := two(args[i], args[i+1])
		if err != nil {
			return nil, err
		}
		if r == false {
			result = false
		}
	}
	return result, nil
}

func numEq(args []V) (V, error)        { return compareChain(args, "=", numEq2) }
func numLess(args []V) (V, error)      { return compareChain(args, "<", numLess2) }
func numGreater(args []V) (V, error)   { return compareChain(args, ">", numGreater2) }
func numLessEq(args []V) (V, error)    { return compareChain(args, "<=", numLessEq2) }
func numGreaterEq(args []V) (V, error) { return compareChain(args, ">=", numGreaterEq2) }

func numEq2(a, b V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		if y, ok := b.(value.Fixnum); ok {
			return x == y, nil
		}
	}
	return value.NumEq(a, b, "=")
}

func numLess2(a, b V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		if y, ok := b.(value.Fixnum); ok {
			return x < y, nil
		}
	}
	return value.NumLess(a, b, "<")
}

func numGreater2(a, b V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		if y, ok := b.(value.Fixnum); ok {
			return x > y, nil
		}
	}
	return value.NumLess(b, a, ">")
}

func numLessEq2(a, b V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		if y, ok := b.(value.Fixnum); ok {
			return x <= y, nil
		}
	}
	return value.NumLessEq(a, b, "<=")
}

func numGreaterEq2(a, b V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		if y, ok := b.(value.Fixnum); ok {
			return x >= y, nil
		}
	}
	return value.NumLessEq(b, a, ">=")
}

func maximum(args []V) (V, error) { return extremum(args, "max", true) }
func minimum(args []V) (V, error) { return extremum(args, "min", false) }

// extremum is max (greater) or min: inexact if any argument is.
func extremum(args []V, who string, greater bool) (V, error) {
	acc := args[0]
	inexact := false
	for i, x := range args {
		if !value.IsReal(x) {
			return nil, realArgError(who, x)
		}
		if _, ok := x.(value.Flonum); ok {
			inexact = true
		}
		if i == 0 {
			continue
		}
		c, err := value.Compare(x, acc, who)
		if err != nil {
			return nil, err
		}
		if (c > 0) == greater && c != 0 {
			acc = x
		}
	}
	if inexact {
		return value.Inexact(acc)
	}
	return acc, nil
}

func floorQuotient(a, b V) (V, error) {
	q, _, err := value.FloorDiv(a, b)
	return q, err
}

func floorDiv(a, b V) (V, error)    { return twoValues(value.FloorDiv(a, b)) }
func truncateDiv(a, b V) (V, error) { return twoValues(value.TruncateDiv(a, b)) }

func exactIntegerSqrt(a V) (V, error) { return twoValues(value.ExactIntegerSqrt(a)) }

// twoValues returns q and r as multiple values.
func twoValues(q, r V, err error) (V, error) {
	if err != nil {
		return nil, err
	}
	return &value.MultipleValues{Vals: []V{q, r}}, nil
}

func gcd(args []V) (V, error) { return foldFrom(value.Int(0), args, value.Gcd) }
func lcm(args []V) (V, error) { return foldFrom(value.Int(1), args, value.Lcm) }

func foldFrom(acc V, args []V, f func(a, b V) (V, error)) (V, error) {
	for _, x := range args {
		var err error
		if acc, err = f(acc, x); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

func makeRectangular(a, b V) (V, error) {
	for _, x := range []V{a, b} {
		if !value.IsReal(x) {
			return nil, realArgError("make-rectangular", x)
		}
	}
	return value.MakeRect(a, b), nil
}

func isNumber(a V) (V, error)       { return value.IsNumber(a), nil }
func isReal(a V) (V, error)         { return value.IsReal(a), nil }
func isInteger(a V) (V, error)      { return value.IsInteger(a), nil }
func isExactInteger(a V) (V, error) { return value.IsExactInteger(a), nil }
func isExactRational(a V) (V, error) {
	return value.IsReal(a) && value.IsExact(a), nil
}
func isExactNonnegativeInteger(a V) (V, error) {
	return value.IsExactInteger(a) && !value.IsNegative(a), nil
}

func isRational(a V) (V, error) {
	if x, ok := a.(value.Flonum); ok {
		f := float64(x)
		return f-f == 0, nil
	}
	return value.IsReal(a), nil
}

func isExact(a V) (V, error) {
	if !value.IsNumber(a) {
		return nil, value.TypeError("exact?", "number", a)
	}
	return value.IsExact(a), nil
}

func isInexact(a V) (V, error) {
	if !value.IsNumber(a) {
		return nil, value.TypeError("inexact?", "number", a)
	}
	return !value.IsExact(a), nil
}

func isNaN(a V) (V, error)      { return numberTest(a, "nan?", value.IsNaN) }
func isInfinite(a V) (V, error) { return numberTest(a, "infinite?", value.IsInfinite) }
func isFinite(a V) (V, error)   { return numberTest(a, "finite?", value.IsFinite) }

// numberTest applies a predicate on any number.
func numberTest(a V, who string, f func(V) bool) (V, error) {
	if !value.IsNumber(a) {
		return nil, value.TypeError(who, "number", a)
	}
	return f(a), nil
}

func isZero(a V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		return x == 0, nil
	}
	if !value.IsNumber(a) {
		return nil, realArgError("zero?", a)
	}
	return value.IsZero(a), nil
}

func isPositive(a V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		return x > 0, nil
	}
	return realTest(a, "positive?", value.IsPositive)
}

func isNegative(a V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		return x < 0, nil
	}
	return realTest(a, "negative?", value.IsNegative)
}

// realTest applies a predicate on real numbers.
func realTest(a V, who string, f func(V) bool) (V, error) {
	if !value.IsReal(a) {
		return nil, realArgError(who, a)
	}
	return f(a), nil
}

// realArgError is the error for an argument that must be a real number.
func realArgError(who string, a V) error {
	if value.IsNumber(a) {
		return value.TypeError(who, "real number", a)
	}
	return value.TypeError(who, "number", a)
}

func isOdd(a V) (V, error)  { return parity(a, "odd?", 1) }
func isEven(a V) (V, error) { return parity(a, "even?", 0) }

func parity(a V, who string, want int64) (V, error) {
	switch x := a.(type) {
	case value.Fixnum:
		return int64(x)&1 == want, nil
	case *big.Int:
		return int64(x.Bit(0)) == want, nil
	case value.Flonum:
		if value.IsInteger(x) {
			r, err := value.Remainder(x, value.Flonum(2))
			if err != nil {
				return nil, err
			}
			return (r != value.Value(value.Flonum(0))) == (want == 1), nil
		}
	}
	return nil, value.TypeError(who, "integer", a)
}

func stringToNumber(args []V) (V, error) {
	s, ok := args[0].(*value.String)
	if !ok {
		return nil, value.TypeError("string->number", "string", args[0])
	}
	radix := 10
	if len(args) == 2 {
		r, err := IntArg(args[1], "string->number")
		if err != nil {
			return nil, err
		}
		if r != 2 && r != 8 && r != 10 && r != 16 {
			return nil, value.Errorf("string->number: bad radix %d", r)
		}
		radix = r
	}
	if n, ok := value.ParseNumber(s.String(), radix); ok {
		return n, nil
	}
	return false, nil
}
