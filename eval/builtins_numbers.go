package eval

import (
	"math/big"

	"contigo/value"
)

// add2 and friends are the fixnum fast paths of the arithmetic the
// evaluator inlines; anything else goes to the numeric tower in value.
func add2(a, b V) (V, error) {
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

func sub2(a, b V) (V, error) {
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

func mul2(a, b V) (V, error) {
	if x, ok := a.(value.Fixnum); ok {
		if y, ok := b.(value.Fixnum); ok {
			if x > -1<<31 && x < 1<<31 && y > -1<<31 && y < 1<<31 {
				return value.Int(int64(x * y)), nil
			}
		}
	}
	return value.Mul(a, b)
}

func compare2(name string, fix func(x, y value.Fixnum) bool, slow func(a, b V) (bool, error)) *value.Primitive {
	f2 := func(a, b V) (V, error) {
		if x, ok := a.(value.Fixnum); ok {
			if y, ok := b.(value.Fixnum); ok {
				return fix(x, y), nil
			}
		}
		r, err := slow(a, b)
		return r, err
	}
	return &value.Primitive{Name: name, Min: 1, Max: -1, Fn2: f2, Fn: func(args []V) (V, error) {
		if len(args) == 1 {
			if !value.IsNumber(args[0]) {
				return nil, value.TypeError(name, "number", args[0])
			}
			return true, nil
		}
		result := true
		for i := 0; i+1 < len(args); i++ {
			r, err := f2(args[i], args[i+1])
			if err != nil {
				return nil, err
			}
			if r == false {
				result = false // keep checking types of the rest
			}
		}
		return result, nil
	}}
}

// fold makes a variadic arithmetic operator from its binary form.
func fold(name string, identity V, two func(a, b V) (V, error), one func(a V) (V, error)) *value.Primitive {
	min := 0
	if identity == nil {
		min = 1
	}
	return &value.Primitive{Name: name, Min: min, Max: -1, Fn2: two, Fn1: one, Fn: func(args []V) (V, error) {
		switch len(args) {
		case 0:
			return identity, nil
		case 1:
			return one(args[0])
		}
		acc := args[0]
		for _, x := range args[1:] {
			var err error
			if acc, err = two(acc, x); err != nil {
				return nil, err
			}
		}
		return acc, nil
	}}
}

func checkNumber(name string) func(a V) (V, error) {
	return func(a V) (V, error) {
		if !value.IsNumber(a) {
			return nil, value.TypeError(name, "number", a)
		}
		return a, nil
	}
}

// longArithBits is the size, in bits of the operands (of the result for
// expt), past which one big.Int operation takes long enough to matter to
// Ctrl-C (tens of milliseconds and up to seconds): it then runs in a
// goroutine that an interrupt abandons (value.Stoppable).
const longArithBits = 1 << 22

// intBits is the size in bits of an exact integer, 0 for anything else.
func intBits(x V) int {
	switch n := x.(type) {
	case value.Fixnum:
		return 64
	case *big.Int:
		return n.BitLen()
	}
	return 0
}

// stoppable runs one long arithmetic operation so that *stop (the
// interpreter's interrupt flag) ends the wait for it.
func stoppable(stop *int32, op func() (V, error)) (V, error) {
	type result struct {
		v   V
		err error
	}
	r, ok := value.Stoppable(func() result { v, err := op(); return result{v, err} }, stop)
	if !ok {
		return nil, errStopped
	}
	return r.v, r.err
}

// numberPrims are the numeric primitives; stop is the interpreter's
// interrupt flag, which huge products and powers answer.
func numberPrims(stop *int32) []*value.Primitive {
	mul := func(a, b V) (V, error) {
		if _, ok := a.(value.Fixnum); ok {
			if _, ok := b.(value.Fixnum); ok {
				return mul2(a, b)
			}
		}
		if intBits(a)+intBits(b) > longArithBits {
			return stoppable(stop, func() (V, error) { return value.Mul(a, b) })
		}
		return value.Mul(a, b)
	}
	expt := func(a, b V) (V, error) {
		if n, ok := b.(value.Fixnum); ok && n > 0 && int64(intBits(a))*int64(n) > longArithBits {
			return stoppable(stop, func() (V, error) { return value.Expt(a, b) })
		}
		return value.Expt(a, b)
	}
	minmax := func(name string, wantGreater bool) *value.Primitive {
		return prim(name, 1, -1, func(args []V) (V, error) {
			acc := args[0]
			inexact := false
			for i, x := range args {
				if !value.IsReal(x) {
					if value.IsNumber(x) {
						return nil, value.TypeError(name, "real number", x)
					}
					return nil, value.TypeError(name, "number", x)
				}
				if _, ok := x.(value.Flonum); ok {
					inexact = true
				}
				if i == 0 {
					continue
				}
				c, err := value.Compare(x, acc, name)
				if err != nil {
					return nil, err
				}
				if (c > 0) == wantGreater && c != 0 {
					acc = x
				}
			}
			if inexact {
				return value.Inexact(acc)
			}
			return acc, nil
		})
	}
	intDiv := func(name string, f func(a, b V) (V, error)) *value.Primitive { return prim2(name, f) }
	two := func(name string, f func(a, b V) (q, r V, err error)) *value.Primitive {
		return prim2(name, func(a, b V) (V, error) {
			q, r, err := f(a, b)
			if err != nil {
				return nil, err
			}
			return &value.MultipleValues{Vals: []V{q, r}}, nil
		})
	}
	first := func(name string, f func(a, b V) (q, r V, err error), which int) *value.Primitive {
		return prim2(name, func(a, b V) (V, error) {
			q, r, err := f(a, b)
			if which == 0 {
				return q, err
			}
			return r, err
		})
	}
	gcdLcm := func(name string, identity int64, f func(a, b V) (V, error)) *value.Primitive {
		return prim(name, 0, -1, func(args []V) (V, error) {
			var acc V = value.Int(identity)
			for _, x := range args {
				var err error
				if acc, err = f(acc, x); err != nil {
					return nil, err
				}
			}
			return acc, nil
		})
	}
	return []*value.Primitive{
		fold("+", value.Int(0), add2, checkNumber("+")),
		fold("*", value.Int(1), mul, checkNumber("*")),
		fold("-", nil, sub2, value.Negate),
		fold("/", nil, value.Div, func(a V) (V, error) { return value.Div(value.Int(1), a) }),
		compare2("=", func(x, y value.Fixnum) bool { return x == y }, func(a, b V) (bool, error) { return value.NumEq(a, b, "=") }),
		compare2("<", func(x, y value.Fixnum) bool { return x < y }, func(a, b V) (bool, error) { return value.NumLess(a, b, "<") }),
		compare2(">", func(x, y value.Fixnum) bool { return x > y }, func(a, b V) (bool, error) { return value.NumLess(b, a, ">") }),
		compare2("<=", func(x, y value.Fixnum) bool { return x <= y }, func(a, b V) (bool, error) { return value.NumLessEq(a, b, "<=") }),
		compare2(">=", func(x, y value.Fixnum) bool { return x >= y }, func(a, b V) (bool, error) { return value.NumLessEq(b, a, ">=") }),
		minmax("max", true),
		minmax("min", false),
		intDiv("quotient", value.Quotient),
		intDiv("remainder", value.Remainder),
		intDiv("modulo", value.Modulo),
		intDiv("truncate-quotient", value.Quotient),
		intDiv("truncate-remainder", value.Remainder),
		intDiv("floor-remainder", value.Modulo),
		first("floor-quotient", value.FloorDiv, 0),
		two("floor/", value.FloorDiv),
		two("truncate/", value.TruncateDiv),
		gcdLcm("gcd", 0, value.Gcd),
		gcdLcm("lcm", 1, value.Lcm),
		prim1("abs", value.Abs),
		prim1("magnitude", value.Magnitude),
		prim1("angle", value.Angle),
		prim1("real-part", value.RealPart),
		prim1("imag-part", value.ImagPart),
		prim2("make-rectangular", func(a, b V) (V, error) {
			for _, x := range []V{a, b} {
				if !value.IsReal(x) {
					return nil, realArgError("make-rectangular", x)
				}
			}
			return value.MakeRect(a, b), nil
		}),
		prim2("make-polar", value.MakePolar),
		prim1("floor", value.Floor),
		prim1("ceiling", value.Ceiling),
		prim1("round", value.Round),
		prim1("truncate", value.Truncate),
		prim1("exact", value.Exact),
		prim1("inexact", value.Inexact),
		prim1("inexact->exact", value.Exact),
		prim1("exact->inexact", value.Inexact),
		prim1("numerator", value.Numerator),
		prim1("denominator", value.Denominator),
		prim2("rationalize", value.Rationalize),
		prim1("sqrt", value.Sqrt),
		prim1("exact-integer-sqrt", func(a V) (V, error) {
			s, r, err := value.ExactIntegerSqrt(a)
			if err != nil {
				return nil, err
			}
			return &value.MultipleValues{Vals: []V{s, r}}, nil
		}),
		prim2("expt", expt),
		prim1("exp", value.Exp),
		prim("log", 1, 2, func(args []V) (V, error) {
			if len(args) == 2 {
				return value.Log2(args[0], args[1])
			}
			return value.Log(args[0])
		}),
		prim1("sin", value.Sin), prim1("cos", value.Cos), prim1("tan", value.Tan),
		prim1("asin", value.Asin), prim1("acos", value.Acos),
		prim("atan", 1, 2, func(args []V) (V, error) {
			if len(args) == 2 {
				return value.Atan2(args[0], args[1])
			}
			return value.Atan(args[0])
		}),
		prim1("square", func(a V) (V, error) { return mul(a, a) }),
		pred("number?", value.IsNumber),
		pred("complex?", value.IsNumber),
		pred("real?", value.IsReal),
		pred("rational?", func(a V) bool {
			switch x := a.(type) {
			case value.Flonum:
				f := float64(x)
				return f-f == 0
			}
			return value.IsReal(a)
		}),
		pred("integer?", value.IsInteger),
		pred("exact-integer?", value.IsExactInteger),
		pred("exact-rational?", func(a V) bool { return value.IsReal(a) && value.IsExact(a) }),
		prim1("exact?", func(a V) (V, error) {
			if !value.IsNumber(a) {
				return nil, value.TypeError("exact?", "number", a)
			}
			return value.IsExact(a), nil
		}),
		prim1("inexact?", func(a V) (V, error) {
			if !value.IsNumber(a) {
				return nil, value.TypeError("inexact?", "number", a)
			}
			return !value.IsExact(a), nil
		}),
		numberPred("nan?", value.IsNaN),
		numberPred("infinite?", value.IsInfinite),
		numberPred("finite?", value.IsFinite),
		numPred("zero?", value.IsZero, func(x value.Fixnum) bool { return x == 0 }, false),
		numPred("positive?", value.IsPositive, func(x value.Fixnum) bool { return x > 0 }, true),
		numPred("negative?", value.IsNegative, func(x value.Fixnum) bool { return x < 0 }, true),
		prim1("odd?", func(a V) (V, error) { return parity(a, "odd?", 1) }),
		prim1("even?", func(a V) (V, error) { return parity(a, "even?", 0) }),
		prim1("exact-nonnegative-integer?", func(a V) (V, error) {
			return value.IsExactInteger(a) && !value.IsNegative(a), nil
		}),
		prim("string->number", 1, 2, func(args []V) (V, error) {
			s, ok := args[0].(*value.String)
			if !ok {
				return nil, value.TypeError("string->number", "string", args[0])
			}
			radix := 10
			if len(args) == 2 {
				r, err := toInt(args[1], "string->number")
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
		}),
	}
}

// numPred makes a predicate on numbers (on reals when real is true) with
// a fixnum fast path.
func numPred(name string, f func(V) bool, fix func(value.Fixnum) bool, real bool) *value.Primitive {
	return prim1(name, func(a V) (V, error) {
		if x, ok := a.(value.Fixnum); ok {
			return fix(x), nil
		}
		if !value.IsNumber(a) || real && !value.IsReal(a) {
			return nil, realArgError(name, a)
		}
		return f(a), nil
	})
}

// numberPred makes a predicate on any number.
func numberPred(name string, f func(V) bool) *value.Primitive {
	return prim1(name, func(a V) (V, error) {
		if !value.IsNumber(a) {
			return nil, value.TypeError(name, "number", a)
		}
		return f(a), nil
	})
}

// realArgError is the error for an argument that must be a real number.
func realArgError(who string, a V) error {
	if value.IsNumber(a) {
		return value.TypeError(who, "real number", a)
	}
	return value.TypeError(who, "number", a)
}

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
