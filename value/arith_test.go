package value

import (
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// num builds a number from test text: integers of any size, ratios n/d,
// decimals, +inf.0, -inf.0, +nan.0, and "string" for a non-number. It
// does not use ParseNumber, so these tests do not depend on the reader.
func num(t *testing.T, s string) Value {
	t.Helper()
	switch s {
	case "+inf.0":
		return Flonum(math.Inf(1))
	case "-inf.0":
		return Flonum(math.Inf(-1))
	case "+nan.0":
		return Flonum(math.NaN())
	case "max":
		return Int(math.MaxInt64)
	case "min":
		return Int(math.MinInt64)
	}
	if strings.HasPrefix(s, `"`) {
		return NewString(strings.Trim(s, `"`))
	}
	if re, im, ok := strings.Cut(s, ","); ok {
		// re,im: a complex in rectangular form.
		return MakeRect(num(t, re), num(t, im))
	}
	if strings.Contains(s, "/") {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("bad ratio %q", s)
		}
		return NormRat(r)
	}
	if strings.ContainsAny(s, ".e") {
		var f float64
		r, ok := new(big.Float).SetString(s)
		if !ok {
			t.Fatalf("bad flonum %q", s)
		}
		f, _ = r.Float64()
		if s[0] == '-' && f == 0 {
			f = math.Copysign(0, -1)
		}
		return Flonum(f)
	}
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("bad integer %q", s)
	}
	return NormBig(b)
}

// checkNorm fails if v is an exact number in a non-canonical form.
func checkNorm(t *testing.T, what string, v Value) {
	t.Helper()
	switch x := v.(type) {
	case *big.Int:
		if x.IsInt64() {
			t.Errorf("%s: result %v is a *big.Int in int64 range", what, x)
		}
	case *big.Rat:
		if x.IsInt() {
			t.Errorf("%s: result %v is an integral *big.Rat", what, x)
		}
	case *MultipleValues:
		for _, it := range x.Vals {
			checkNorm(t, what, it)
		}
	case *Complex:
		_, reFlo := x.Re.(Flonum)
		_, imFlo := x.Im.(Flonum)
		if reFlo != imFlo || !reFlo && isExactZero(x.Im) {
			t.Errorf("%s: result %s is a non-canonical complex", what, WriteString(x))
		}
		checkNorm(t, what, x.Re)
		checkNorm(t, what, x.Im)
	}
}

func two(f func(a, b Value) (Value, error)) func([]Value) (Value, error) {
	return func(a []Value) (Value, error) { return f(a[0], a[1]) }
}

func one(f func(a Value) (Value, error)) func([]Value) (Value, error) {
	return func(a []Value) (Value, error) { return f(a[0]) }
}

func twoResults(f func(a, b Value) (Value, Value, error)) func([]Value) (Value, error) {
	return func(a []Value) (Value, error) {
		q, r, err := f(a[0], a[1])
		return &MultipleValues{Vals: []Value{q, r}}, err
	}
}

func pred(f func(a, b Value, who string) (bool, error), who string) func([]Value) (Value, error) {
	return func(a []Value) (Value, error) {
		r, err := f(a[0], a[1], who)
		return r, err
	}
}

var ops = map[string]func([]Value) (Value, error){
	"+":         two(Add),
	"-":         two(Sub),
	"*":         two(Mul),
	"/":         two(Div),
	"neg":       one(Negate),
	"abs":       one(Abs),
	"quotient":  two(Quotient),
	"remainder": two(Remainder),
	"modulo":    two(Modulo),
	"floor/":    twoResults(FloorDiv),
	"truncate/": twoResults(TruncateDiv),
	"gcd":       two(Gcd),
	"lcm":       two(Lcm),
	"floor":     one(Floor),
	"ceiling":   one(Ceiling),
	"round":     one(Round),
	"truncate":  one(Truncate),
	"exact":     one(Exact),
	"inexact":   one(Inexact),
	"sqrt":      one(Sqrt),
	"exact-integer-sqrt": func(a []Value) (Value, error) {
		s, r, err := ExactIntegerSqrt(a[0])
		return &MultipleValues{Vals: []Value{s, r}}, err
	},
	"expt":        two(Expt),
	"exp":         one(Exp),
	"log":         one(Log),
	"log2":        two(Log2),
	"sin":         one(Sin),
	"cos":         one(Cos),
	"tan":         one(Tan),
	"asin":        one(Asin),
	"acos":        one(Acos),
	"atan":        one(Atan),
	"atan2":       two(Atan2),
	"numerator":   one(Numerator),
	"denominator": one(Denominator),
	"rationalize": two(Rationalize),
	"=":           pred(NumEq, "="),
	"<":           pred(NumLess, "<"),
	"<=":          pred(NumLessEq, "<="),
	"compare": func(a []Value) (Value, error) {
		c, err := Compare(a[0], a[1], "compare")
		return Int(int64(c)), err
	},
	"number->string2": func(a []Value) (Value, error) {
		s, err := NumberToString(a[0], 2)
		return NewString(s), err
	},
	"number->string3": func(a []Value) (Value, error) {
		s, err := NumberToString(a[0], 3)
		return NewString(s), err
	},
	"number->string16": func(a []Value) (Value, error) {
		s, err := NumberToString(a[0], 16)
		return NewString(s), err
	},
	"integer->int": func(a []Value) (Value, error) {
		i, err := IntegerToInt(a[0], "vector-ref")
		return Int(int64(i)), err
	},
	"integer?": func(a []Value) (Value, error) { return IsInteger(a[0]), nil },
	"exact?":   func(a []Value) (Value, error) { return IsExact(a[0]), nil },
	"exact-integer?": func(a []Value) (Value, error) {
		return IsExactInteger(a[0]), nil
	},
	"zero?":            func(a []Value) (Value, error) { return IsZero(a[0]), nil },
	"positive?":        func(a []Value) (Value, error) { return IsPositive(a[0]), nil },
	"negative?":        func(a []Value) (Value, error) { return IsNegative(a[0]), nil },
	"make-rectangular": func(a []Value) (Value, error) { return MakeRect(a[0], a[1]), nil },
	"make-polar":       two(MakePolar),
	"real-part":        one(RealPart),
	"imag-part":        one(ImagPart),
	"magnitude":        one(Magnitude),
	"angle":            one(Angle),
	"nan?":             func(a []Value) (Value, error) { return IsNaN(a[0]), nil },
	"infinite?":        func(a []Value) (Value, error) { return IsInfinite(a[0]), nil },
	"finite?":          func(a []Value) (Value, error) { return IsFinite(a[0]), nil },
	"real?":            func(a []Value) (Value, error) { return IsReal(a[0]), nil },
}

// run evaluates "(op arg ...)" and returns the written result, or
// "error: message".
func run(t *testing.T, expr string) string {
	t.Helper()
	fields := strings.Fields(strings.Trim(expr, "()"))
	f, ok := ops[fields[0]]
	if !ok {
		t.Fatalf("unknown op in %s", expr)
	}
	var args []Value
	for _, s := range fields[1:] {
		args = append(args, num(t, s))
	}
	v, err := f(args)
	if err != nil {
		var eo *ErrorObject
		if !errors.As(err, &eo) {
			t.Errorf("%s: error %v is not an *ErrorObject", expr, err)
		}
		return "error: " + err.Error()
	}
	checkNorm(t, expr, v)
	return WriteString(v)
}

func TestArith(t *testing.T) {
	tests := []struct{ expr, want string }{
		// Fixnum arithmetic and overflow promotion at the int64 edges.
		{"(+ 1 2)", "3"},
		{"(+ max 1)", "9223372036854775808"},
		{"(+ 1 max)", "9223372036854775808"},
		{"(+ min -1)", "-9223372036854775809"},
		{"(+ max min)", "-1"},
		{"(- min 1)", "-9223372036854775809"},
		{"(- max -1)", "9223372036854775808"},
		{"(- 0 min)", "9223372036854775808"},
		{"(- -1 max)", "-9223372036854775808"},
		{"(neg min)", "9223372036854775808"},
		{"(neg max)", "-9223372036854775807"},
		{"(neg 9223372036854775808)", "-9223372036854775808"},
		{"(neg 1/2)", "-1/2"},
		{"(neg -0.0)", "0.0"},
		{"(* min -1)", "9223372036854775808"},
		{"(* -1 min)", "9223372036854775808"},
		{"(* min 1)", "-9223372036854775808"},
		{"(* 4294967296 4294967296)", "18446744073709551616"},
		{"(* 3037000499 3037000499)", "9223372030926249001"},
		{"(* -4294967296 2147483648)", "-9223372036854775808"},
		{"(* 4294967296 2147483648)", "9223372036854775808"},
		{"(* -4294967296 -2147483648)", "9223372036854775808"},
		{"(* max max)", "85070591730234615847396907784232501249"},
		{"(* 0 max)", "0"},
		{"(/ min -1)", "9223372036854775808"},
		{"(/ min 1)", "-9223372036854775808"},
		{"(/ min 2)", "-4611686018427387904"},
		// Big results that fit come back as fixnums (checkNorm verifies).
		{"(- 9223372036854775808 1)", "9223372036854775807"},
		{"(+ 9223372036854775808 -9223372036854775808)", "0"},
		{"(+ -9223372036854775809 1)", "-9223372036854775808"},
		{"(* 9223372036854775808 0)", "0"},
		{"(/ 18446744073709551616 4294967296)", "4294967296"},
		{"(/ 18446744073709551616 3)", "18446744073709551616/3"},
		{"(* 18446744073709551616 1/18446744073709551616)", "1"},
		{"(abs min)", "9223372036854775808"},
		{"(abs -9223372036854775809)", "9223372036854775809"},
		{"(abs -1/2)", "1/2"},
		{"(abs -0.0)", "0.0"},
		{"(abs 5)", "5"},

		// Rationals.
		{"(/ 1 3)", "1/3"},
		{"(/ 6 4)", "3/2"},
		{"(/ 6 -4)", "-3/2"},
		{"(/ 4 2)", "2"},
		{"(/ -4 -2)", "2"},
		{"(+ 1/2 1/2)", "1"},
		{"(- 1/2 1/3)", "1/6"},
		{"(* 2/3 3/2)", "1"},
		{"(/ 1/2 1/4)", "2"},
		{"(+ 1/2 1)", "3/2"},
		{"(+ 1/2 9223372036854775808)", "18446744073709551617/2"},

		// Inexact contagion and IEEE division.
		{"(+ 1/2 0.5)", "1.0"},
		{"(+ 1 0.5)", "1.5"},
		{"(* 1.5 2)", "3.0"},
		{"(/ 1 0)", "error: /: division by zero"},
		{"(/ 1/2 0)", "error: /: division by zero"},
		{"(/ 9223372036854775808 0)", "error: /: division by zero"},
		{"(/ 1.0 0)", "+inf.0"},
		{"(/ -1 0.0)", "-inf.0"},
		{"(/ 0.0 0)", "+nan.0"},
		{"(/ 1 2.0)", "0.5"},
		{`(+ "a" 1)`, `error: +: expected number, got "a"`},
		{`(- 1 "a")`, `error: -: expected number, got "a"`},
		{`(* 1.5 "a")`, `error: *: expected number, got "a"`},
		{`(/ "a" 2)`, `error: /: expected number, got "a"`},
		{`(neg "a")`, `error: -: expected number, got "a"`},

		// Comparison: exact across representations, false with NaN.
		{"(= 1 1.0)", "#t"},
		{"(= 1/2 0.5)", "#t"},
		{"(= 1/3 0.3333333333333333)", "#f"},
		{"(< 1/3 0.3333333333333333)", "#f"},
		{"(compare 1/3 0.3333333333333333)", "1"},
		{"(= 9007199254740993 9007199254740992.0)", "#f"},
		{"(compare 9007199254740993 9007199254740992.0)", "1"},
		{"(compare 9007199254740992.0 9007199254740993)", "-1"},
		{"(= 18446744073709551616 18446744073709551616.0)", "#t"},
		{"(< 18446744073709551615 18446744073709551616.0)", "#t"},
		{"(< max 9223372036854775808.0)", "#t"},
		{"(= 9223372036854775808 9223372036854775808.0)", "#t"},
		{"(< 1 +inf.0)", "#t"},
		{"(< 9223372036854775808 +inf.0)", "#t"},
		{"(< -inf.0 -9223372036854775809)", "#t"},
		{"(< 1/2 -inf.0)", "#f"},
		{"(< 1 +nan.0)", "#f"},
		{"(< +nan.0 1)", "#f"},
		{"(<= 1 +nan.0)", "#f"},
		{"(<= +nan.0 +nan.0)", "#f"},
		{"(= +nan.0 +nan.0)", "#f"},
		{"(= 1/2 +nan.0)", "#f"},
		{"(<= 1 1)", "#t"},
		{"(<= 1/2 0.5)", "#t"},
		{"(< 1 2)", "#t"},
		{"(< 2.0 1.0)", "#f"},
		{"(= 0.0 -0.0)", "#t"},
		{"(compare 9223372036854775808 9223372036854775809)", "-1"},
		{"(compare 1/2 1/3)", "1"},
		{"(compare 1 1/2)", "1"},
		{"(compare -9223372036854775809 1)", "-1"},
		{`(compare "a" 1)`, `error: compare: expected number, got "a"`},
		{`(< 1 "a")`, `error: <: expected number, got "a"`},

		// Integer division (R7RS 6.2.6).
		{"(floor/ 5 2)", "2 1"},
		{"(floor/ -5 2)", "-3 1"},
		{"(floor/ 5 -2)", "-3 -1"},
		{"(floor/ -5 -2)", "2 -1"},
		{"(truncate/ 5 2)", "2 1"},
		{"(truncate/ -5 2)", "-2 -1"},
		{"(truncate/ 5 -2)", "-2 1"},
		{"(truncate/ -5 -2)", "2 -1"},
		{"(truncate/ -5.0 2)", "-2.0 -1.0"},
		{"(floor/ -5.0 2)", "-3.0 1.0"},
		{"(floor/ min -1)", "9223372036854775808 0"},
		{"(truncate/ min -1)", "9223372036854775808 0"},
		{"(floor/ -18446744073709551617 2)", "-9223372036854775809 1"},
		{"(truncate/ -18446744073709551617 2)", "-9223372036854775808 -1"},
		{"(floor/ 5 0)", "error: floor/: division by zero"},
		{"(truncate/ 5.0 0)", "error: truncate/: division by zero"},
		{"(modulo 13 4)", "1"},
		{"(remainder 13 4)", "1"},
		{"(modulo -13 4)", "3"},
		{"(remainder -13 4)", "-1"},
		{"(modulo 13 -4)", "-3"},
		{"(remainder 13 -4)", "1"},
		{"(remainder -13 -4.0)", "-1.0"},
		{"(modulo -13 -4)", "-1"},
		{"(modulo -13 4.0)", "3.0"},
		{"(quotient 13 4)", "3"},
		{"(quotient -13 4)", "-3"},
		{"(quotient 13.0 -4)", "-3.0"},
		{"(quotient min -1)", "9223372036854775808"},
		{"(remainder min -1)", "0"},
		{"(modulo min -1)", "0"},
		{"(quotient 18446744073709551616 -2)", "-9223372036854775808"},
		{"(modulo -18446744073709551616 3)", "2"},
		{"(remainder -18446744073709551616 3)", "-1"},
		{"(quotient 1 0)", "error: quotient: division by zero"},
		{"(remainder 1 0)", "error: remainder: division by zero"},
		{"(modulo 1 0)", "error: modulo: division by zero"},
		{"(modulo 9223372036854775808 0)", "error: modulo: division by zero"},
		{"(quotient 1.5 1)", "error: quotient: expected integer, got 1.5"},
		{"(modulo 1 1/2)", "error: modulo: expected integer, got 1/2"},
		{"(quotient 1 +inf.0)", "error: quotient: expected integer, got +inf.0"},

		{"(gcd 32 -36)", "4"},
		{"(gcd 0 5)", "5"},
		{"(gcd 0 0)", "0"},
		{"(gcd -7 0)", "7"},
		{"(gcd min 0)", "9223372036854775808"},
		{"(gcd min min)", "9223372036854775808"},
		{"(gcd min 6)", "2"},
		{"(gcd 18446744073709551616 12)", "4"},
		{"(gcd 12.0 18)", "6.0"},
		{"(lcm 32 -36)", "288"},
		{"(lcm 32.0 -36)", "288.0"},
		{"(lcm 0 5)", "0"},
		{"(lcm 4294967296 4294967297)", "18446744078004518912"},
		{"(lcm min 3)", "27670116110564327424"},
		{"(gcd 1/2 1)", "error: gcd: expected integer, got 1/2"},

		// Rounding.
		{"(floor -4.3)", "-5.0"},
		{"(ceiling -4.3)", "-4.0"},
		{"(truncate -4.3)", "-4.0"},
		{"(round -4.3)", "-4.0"},
		{"(floor 3.5)", "3.0"},
		{"(ceiling 3.5)", "4.0"},
		{"(truncate 3.5)", "3.0"},
		{"(round 3.5)", "4.0"},
		{"(round 7/2)", "4"},
		{"(round 7)", "7"},
		{"(round 2.5)", "2.0"},
		{"(round -2.5)", "-2.0"},
		{"(round 0.5)", "0.0"},
		{"(round 1.5)", "2.0"},
		{"(round 5/2)", "2"},
		{"(round -5/2)", "-2"},
		{"(round -7/2)", "-4"},
		{"(round 1/3)", "0"},
		{"(round 2/3)", "1"},
		{"(round -2/3)", "-1"},
		{"(round 18446744073709551617/2)", "9223372036854775808"},
		{"(floor -7/2)", "-4"},
		{"(ceiling -7/2)", "-3"},
		{"(truncate -7/2)", "-3"},
		{"(floor 7/2)", "3"},
		{"(ceiling 7/2)", "4"},
		{"(truncate 7/2)", "3"},
		{"(floor 9223372036854775808)", "9223372036854775808"},
		{`(floor "a")`, `error: floor: expected number, got "a"`},

		// Exactness.
		{"(exact 2.0)", "2"},
		{"(exact -0.0)", "0"},
		{"(exact 2.5)", "5/2"},
		{"(exact 0.1)", "3602879701896397/36028797018963968"},
		{"(exact 1e20)", "100000000000000000000"},
		{"(exact -9223372036854775808.0)", "-9223372036854775808"},
		{"(exact 9223372036854775808.0)", "9223372036854775808"},
		{"(exact 1/3)", "1/3"},
		{"(exact +inf.0)", "error: exact: no exact representation of +inf.0"},
		{"(exact -inf.0)", "error: exact: no exact representation of -inf.0"},
		{"(exact +nan.0)", "error: exact: no exact representation of +nan.0"},
		{"(inexact 1/3)", "0.3333333333333333"},
		{"(inexact 7)", "7.0"},
		{"(inexact 1.5)", "1.5"},
		{`(inexact "a")`, `error: inexact: expected number, got "a"`},
		{"(integer? 2.0)", "#t"},
		{"(integer? 2.5)", "#f"},
		{"(integer? +inf.0)", "#f"},
		{"(integer? +nan.0)", "#f"},
		{"(integer? 9223372036854775808)", "#t"},
		{"(integer? 1/2)", "#f"},
		{`(integer? "a")`, "#f"},
		{"(exact? 1/2)", "#t"},
		{"(exact? 1.0)", "#f"},
		{"(exact-integer? 9223372036854775808)", "#t"},
		{"(exact-integer? 2.0)", "#f"},
		{"(zero? 0)", "#t"},
		{"(zero? -0.0)", "#t"},
		{"(zero? +nan.0)", "#f"},
		{"(positive? 1/2)", "#t"},
		{"(positive? -9223372036854775809)", "#f"},
		{"(negative? -9223372036854775809)", "#t"},
		{"(negative? -0.0)", "#f"},
		{"(positive? +nan.0)", "#f"},

		// Roots.
		{"(sqrt 16)", "4"},
		{"(sqrt 0)", "0"},
		{"(sqrt 2)", "1.4142135623730951"},
		{"(sqrt 1/4)", "1/2"},
		{"(sqrt 1/2)", "0.7071067811865476"},
		{"(sqrt 4.0)", "2.0"},
		{"(sqrt -0.0)", "-0.0"},
		{"(sqrt 9223372030926249001)", "3037000499"},
		{"(sqrt 18446744073709551616)", "4294967296"},
		{"(sqrt 10000000000000000000000000000000000000000)", "100000000000000000000"},
		{"(sqrt 18446744073709551616/9)", "4294967296/3"},
		{"(sqrt -4)", "+2i"},
		{"(sqrt -4.0)", "+2.0i"},
		{"(sqrt -1/4)", "+1/2i"},
		{"(sqrt -2)", "+1.4142135623730951i"},
		{"(sqrt +inf.0)", "+inf.0"},
		{"(sqrt +nan.0)", "+nan.0"},
		{"(exact-integer-sqrt 4)", "2 0"},
		{"(exact-integer-sqrt 5)", "2 1"},
		{"(exact-integer-sqrt 0)", "0 0"},
		{"(exact-integer-sqrt max)", "3037000499 5928526806"},
		{"(exact-integer-sqrt 18446744073709551617)", "4294967296 1"},
		{"(exact-integer-sqrt -1)", "error: exact-integer-sqrt: expected non-negative exact integer, got -1"},
		{"(exact-integer-sqrt 4.0)", "error: exact-integer-sqrt: expected non-negative exact integer, got 4.0"},

		// Powers.
		{"(expt 2 10)", "1024"},
		{"(expt 2 62)", "4611686018427387904"},
		{"(expt 2 63)", "9223372036854775808"},
		{"(expt -2 63)", "-9223372036854775808"},
		{"(expt 2 64)", "18446744073709551616"},
		{"(expt 3 40)", "12157665459056928801"},
		{"(expt 10 20)", "100000000000000000000"},
		{"(expt 18446744073709551616 2)", "340282366920938463463374607431768211456"},
		{"(expt 2 -2)", "1/4"},
		{"(expt -2 -3)", "-1/8"},
		{"(expt -2 3)", "-8"},
		{"(expt 2/3 3)", "8/27"},
		{"(expt 2/3 -3)", "27/8"},
		{"(expt -2/3 -1)", "-3/2"},
		{"(expt 0 0)", "1"},
		{"(expt 0.0 0)", "1.0"},
		{"(expt 1/2 0)", "1"},
		{"(expt 0 5)", "0"},
		{"(expt 0 -1)", "error: expt: division by zero"},
		{"(expt 1 18446744073709551616)", "1"},
		{"(expt -1 18446744073709551617)", "-1"},
		{"(expt -1 -3)", "-1"},
		{"(expt 2 18446744073709551616)", "error: expt: exponent 18446744073709551616 too large"},
		{"(expt 10 1000000000000)", "error: expt: result of (expt 10 1000000000000) too large"},
		{"(expt 2 0.5)", "1.4142135623730951"},
		{"(expt 2.0 3)", "8.0"},
		{"(expt 2.0 -1)", "0.5"},
		{"(expt 4 1/2)", "2.0"},
		{"(expt -8 1/3)", "1.0+1.732050807568877i"},
		{"(expt -2.0 0.5)", "8.659560562354922e-17+1.4142135623730951i"},
		{"(expt -2 2.0)", "4.0"},
		{"(expt 0 2.5)", "0.0"},
		{`(expt "a" 2)`, `error: expt: expected number, got "a"`},

		// Transcendental functions.
		{"(exp 0)", "1"},
		{"(exp 0.0)", "1.0"},
		{"(exp 1)", "2.718281828459045"},
		{"(log 1)", "0"},
		{"(log 1.0)", "0.0"},
		{"(log 0)", "-inf.0"},
		{"(log 0.0)", "-inf.0"},
		{"(log -1)", "+3.141592653589793i"},
		{"(log -1.0)", "+3.141592653589793i"},
		{"(log +nan.0)", "+nan.0"},
		{"(log2 8 2)", "3.0"},
		{"(log2 100 10)", "2.0"},
		{"(log2 1 10)", "0"},
		{"(log2 -8 2)", "3.0+4.532360141827194i"},
		{"(sin 0)", "0"},
		{"(sin 0.0)", "0.0"},
		{"(cos 0)", "1"},
		{"(tan 0)", "0"},
		{"(asin 0)", "0"},
		{"(acos 1)", "0"},
		{"(atan 0)", "0"},
		{"(atan 1)", "0.7853981633974483"},
		{"(asin 2)", "1.5707963267948966-1.3169578969248166i"},
		{"(acos -1.5)", "3.141592653589793-0.962423650119207i"},
		{"(acos -1)", "3.141592653589793"},
		{"(atan2 1 1)", "0.7853981633974483"},
		{"(atan2 0 1)", "0"},
		{"(atan2 0 -1)", "3.141592653589793"},
		{"(atan2 0.0 1)", "0.0"},
		{`(sin "a")`, `error: sin: expected number, got "a"`},
		{`(atan2 1 "a")`, `error: atan: expected number, got "a"`},

		// Numerator, denominator, rationalize.
		{"(numerator 3/2)", "3"},
		{"(denominator 3/2)", "2"},
		{"(numerator -3/2)", "-3"},
		{"(numerator 5)", "5"},
		{"(denominator 5)", "1"},
		{"(denominator 0)", "1"},
		{"(denominator 1.5)", "2.0"},
		{"(numerator 1.5)", "3.0"},
		{"(numerator 0.5)", "1.0"},
		{"(numerator 2.0)", "2.0"},
		{"(denominator 2.0)", "1.0"},
		{"(denominator 1/18446744073709551616)", "18446744073709551616"},
		{"(rationalize 3/10 1/10)", "1/3"},
		{"(rationalize 0.3 1/10)", "0.3333333333333333"},
		{"(rationalize -3/10 1/10)", "-1/3"},
		{"(rationalize 3/10 -1/10)", "1/3"},
		{"(rationalize 1/4 1/4)", "0"},
		{"(rationalize 5/2 0)", "5/2"},
		{"(rationalize 3 1)", "2"},
		{"(rationalize 22/7 0)", "22/7"},
		{"(rationalize 355/113 1/1000)", "201/64"},
		{"(rationalize +inf.0 3)", "+inf.0"},
		{"(rationalize 3 +inf.0)", "0.0"},
		{"(rationalize +inf.0 +inf.0)", "+nan.0"},
		{"(rationalize +nan.0 1)", "+nan.0"},

		// Conversions.
		{"(number->string16 255)", `"ff"`},
		{"(number->string16 -18446744073709551616)", `"-10000000000000000"`},
		{"(number->string2 1/3)", `"1/11"`},
		{"(number->string3 1)", `error: number->string: radix must be 2, 8, 10 or 16, got 3`},
		{`(number->string2 "a")`, `error: number->string: expected number, got "a"`},
		{"(integer->int 5)", "5"},
		{"(integer->int -5)", "-5"},
		{"(integer->int 2.0)", "error: vector-ref: expected exact integer, got 2.0"},
		{"(integer->int 1/2)", "error: vector-ref: expected exact integer, got 1/2"},
		{"(integer->int 9223372036854775808)", "error: vector-ref: integer 9223372036854775808 too large"},
	}
	for _, tt := range tests {
		got := run(t, tt.expr)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: (-want +got)\n%s", tt.expr, diff)
		}
	}
}

// TestLogHuge checks logarithms of exact numbers beyond the flonum range.
func TestLogHuge(t *testing.T) {
	big400 := new(big.Int).Exp(big.NewInt(10), big.NewInt(400), nil)
	tiny := new(big.Rat).SetFrac(big.NewInt(1), big400)
	for _, tt := range []struct {
		arg  Value
		want float64
	}{
		{big400, 400 * math.Ln10},
		{tiny, -400 * math.Ln10},
	} {
		v, err := Log(tt.arg)
		if err != nil {
			t.Fatal(err)
		}
		f := float64(v.(Flonum))
		if math.Abs(f-tt.want) > 1e-9 {
			t.Errorf("log %s = %v, want %v", ShortText(WriteString(tt.arg), 20), f, tt.want)
		}
	}
	v, err := Sqrt(new(big.Int).Mul(big400, big.NewInt(2)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := float64(v.(Flonum)), math.Sqrt2*1e200; math.Abs(got-want)/want > 1e-15 {
		t.Errorf("sqrt 2e400 = %v, want %v", got, want)
	}
}

// TestFloatResults checks flonum results whose printed form would depend
// on the printer's choice of exponent notation.
func TestFloatResults(t *testing.T) {
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	two63 := new(big.Int).Lsh(big.NewInt(1), 63)
	e40 := new(big.Int).Exp(big.NewInt(10), big.NewInt(40), nil)
	for _, tt := range []struct {
		name string
		f    func() (Value, error)
		want float64
	}{
		{"(inexact 2^64)", func() (Value, error) { return Inexact(two64) }, 18446744073709551616},
		{"(- 2^63 1.)", func() (Value, error) { return Sub(two63, Flonum(1)) }, 9223372036854775808},
		{"(sqrt max)", func() (Value, error) { return Sqrt(Int(math.MaxInt64)) }, 3037000499.97605},
		{"(sqrt (+ 1e40 1)/4)", func() (Value, error) {
			return Sqrt(new(big.Rat).SetFrac(new(big.Int).Add(e40, big.NewInt(1)), big.NewInt(4)))
		}, 5e19},
		{"(sqrt (+ 1e40 1))", func() (Value, error) { return Sqrt(new(big.Int).Add(e40, big.NewInt(1))) }, 1e20},
	} {
		v, err := tt.f()
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if f, ok := v.(Flonum); !ok || float64(f) != tt.want {
			t.Errorf("%s = %#v, want Flonum(%v)", tt.name, v, tt.want)
		}
	}
}

func TestFixnumPathsDoNotAllocate(t *testing.T) {
	a, b := Value(Int(300)), Value(Int(-200))
	n := testing.AllocsPerRun(100, func() {
		Add(a, b)
		Sub(a, b)
		Mul(Int(3), b)
		Compare(a, b, "<")
		NumLess(a, b, "<")
		NumEq(a, b, "=")
		Quotient(a, b)
		Remainder(a, b)
		Modulo(a, b)
	})
	if n != 0 {
		t.Errorf("fixnum arithmetic allocates %v times", n)
	}
}

func BenchmarkAddFixnum(b *testing.B) {
	x, y := Value(Int(3)), Value(Int(4))
	for b.Loop() {
		Add(x, y)
	}
}

func BenchmarkAddFlonum(b *testing.B) {
	x, y := Value(Flonum(3)), Value(Flonum(4))
	for b.Loop() {
		Add(x, y)
	}
}

func BenchmarkMulFixnumLarge(b *testing.B) {
	x, y := Value(Int(1<<40)), Value(Int(3))
	for b.Loop() {
		Mul(x, y)
	}
}

// TestComplex covers the non-real numbers; "re,im" in an expression is
// the complex re + im i.
func TestComplex(t *testing.T) {
	tests := []struct{ expr, want string }{
		// Construction and normalization.
		{"(make-rectangular 1 2)", "1+2i"},
		{"(make-rectangular 1 0)", "1"},
		{"(make-rectangular 1.5 0)", "1.5"},
		{"(make-rectangular 1.5 0.0)", "1.5+0.0i"},
		{"(make-rectangular 1 2.0)", "1.0+2.0i"},
		{"(make-rectangular 0 1)", "+i"},
		{"(make-rectangular 0 -1)", "-i"},
		{"(make-rectangular 0.0 1.0)", "+1.0i"},
		{"(make-rectangular -0.0 1.0)", "-0.0+1.0i"},
		{"(make-rectangular 1/2 -3/4)", "1/2-3/4i"},
		{"(make-rectangular 3.0 +inf.0)", "3.0+inf.0i"},
		{"(make-rectangular 3.0 -inf.0)", "3.0-inf.0i"},
		{"(make-rectangular 0 +nan.0)", "+nan.0i"},
		{"(make-polar 2 0)", "2"},
		{"(make-polar 2 0.0)", "2.0+0.0i"},
		{"(make-polar 1,1 1)", "error: make-polar: expected real number, got 1+i"},
		{"(real-part 1,2)", "1"},
		{"(imag-part 1,2)", "2"},
		{"(imag-part 1.5)", "0"},
		{"(real-part \"x\")", "error: real-part: expected number, got \"x\""},
		{"(magnitude 3,4)", "5"},
		{"(magnitude -3,4)", "5"},
		{"(magnitude 1,1)", "1.4142135623730951"},
		{"(magnitude 3.0,4)", "5.0"},
		{"(magnitude -5)", "5"},
		{"(angle 1)", "0"},
		{"(angle -1)", "3.141592653589793"},
		{"(angle 0,1)", "1.5707963267948966"},
		{"(angle -1.0)", "3.141592653589793"},

		// Arithmetic.
		{"(+ 1,2 3,4)", "4+6i"},
		{"(+ 1,2 1,-2)", "2"},
		{"(+ 1.0,2 1,-2)", "2.0+0.0i"},
		{"(+ 1,2 0.5)", "1.5+2.0i"},
		{"(- 1,2 1,2)", "0"},
		{"(- 5 0,1)", "5-i"},
		{"(* 1,1 1,-1)", "2"},
		{"(* 0,1 0,1)", "-1"},
		{"(* 2.5 1,1)", "2.5+2.5i"},
		{"(* +inf.0 1,1)", "+inf.0+inf.0i"},
		{"(/ 1,2 3,4)", "11/25+2/25i"},
		{"(/ 1.0,2 3,4)", "0.44+0.08i"},
		{"(/ 2,4 2)", "1+2i"},
		{"(/ 1 0,1)", "-i"},
		{"(/ 1,1 0)", "error: /: division by zero"},
		{"(/ 1.0,1 0)", "+inf.0+inf.0i"},
		{"(neg 1,-2)", "-1+2i"},
		{"(abs 1,2)", "error: abs: expected real number, got 1+2i"},
		{"(+ 1,2 \"a\")", "error: +: expected number, got \"a\""},

		// Comparison: = only.
		{"(= 1,2 1.0,2.0)", "#t"},
		{"(= 1,2 1,3)", "#f"},
		{"(= 1.0,0.0 1)", "#t"},
		{"(= 1,2 \"a\")", "error: =: expected number, got \"a\""},
		{"(< 1,2 3)", "error: <: expected real number, got 1+2i"},
		{"(<= 3 1,2)", "error: <=: expected real number, got 1+2i"},
		{"(compare 1 0,1)", "error: compare: expected real number, got +i"},
		{"(floor 1.5,2)", "error: floor: expected real number, got 1.5+2.0i"},
		{"(round 1,2)", "error: round: expected real number, got 1+2i"},
		{"(numerator 1,2)", "error: numerator: expected real number, got 1+2i"},
		{"(rationalize 1,2 1)", "error: rationalize: expected real number, got 1+2i"},
		{"(quotient 1,2 1)", "error: quotient: expected integer, got 1+2i"},

		// Predicates.
		{"(zero? 0.0,0.0)", "#t"},
		{"(zero? 0.0,1)", "#f"},
		{"(exact? 1,2)", "#t"},
		{"(exact? 1.0,2)", "#f"},
		{"(integer? 1,2)", "#f"},
		{"(real? 1.0,0.0)", "#f"},
		{"(real? 1.5)", "#t"},
		{"(nan? +nan.0,1)", "#t"},
		{"(nan? 1,2)", "#f"},
		{"(infinite? 1,+inf.0)", "#t"},
		{"(finite? 1,+inf.0)", "#f"},
		{"(finite? 1,2)", "#t"},

		// Exactness.
		{"(exact 1.5,2.5)", "3/2+5/2i"},
		{"(exact 1.5,0.0)", "3/2"},
		{"(exact 1,+inf.0)", "error: exact: no exact representation of +inf.0"},
		{"(inexact 1/2,1)", "0.5+1.0i"},

		// Roots, powers and logarithms, with R7RS's branch cuts.
		{"(sqrt -3,4)", "1+2i"},
		{"(sqrt -3,-4)", "1-2i"},
		{"(sqrt 0,2)", "1+i"},
		{"(sqrt 0,1)", "0.7071067811865476+0.7071067811865476i"},
		{"(sqrt -4.0,0.0)", "+2.0i"},
		{"(sqrt -4.0,-0.0)", "-2.0i"},
		{"(expt 1,1 10)", "+32i"},
		{"(expt 1,1 -2)", "-1/2i"},
		{"(expt 0,1 4)", "1"},
		{"(expt 1.0,1.0 2)", "+2.0i"},
		{"(expt 2 0,1)", "0.7692389013639721+0.6389612763136348i"},
		{"(expt 0 1,1)", "0"},
		{"(expt 0 -1,1)", "error: expt: 0 to the power -1+i is undefined"},
		{"(expt 10,10 9223372036854775807)", "error: expt: result of (expt 10+10i 9223372036854775807) too large"},
		{"(exp 0,1)", "0.5403023058681398+0.8414709848078965i"},
		{"(log 0,1)", "+1.5707963267948966i"},
		{"(log -2)", "0.6931471805599453+3.141592653589793i"},
		{"(log2 0,1 -1)", "0.5+0.0i"},
		{"(log2 -1 0)", "error: log: base 0 has no logarithm to divide by"},

		// Trigonometry.
		{"(sin 0,1)", "+1.1752011936438014i"},
		{"(cos 0,1)", "1.5430806348152437-0.0i"},
		{"(tan 1,1)", "0.2717525853195117+1.0839233273386948i"},
		{"(asin -2)", "-1.5707963267948966+1.3169578969248164i"},
		{"(acos 2)", "+1.3169578969248166i"},
		{"(atan 0,2)", "1.5707963267948966+0.5493061443340548i"},
		{"(atan 0,1)", "error: atan: +i is a singularity"},
		{"(atan2 0,1 1)", "error: atan: expected real number, got +i"},

		// Conversions.
		{"(number->string2 3,-5)", `"11-101i"`},
		{"(number->string16 1/2,255)", `"1/2+ffi"`},
	}
	for _, tt := range tests {
		got := run(t, tt.expr)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: (-want +got)\n%s", tt.expr, diff)
		}
	}
}
