package prims

// This file defines the primitives on symbols and characters (report
// 6.5, 6.6). Case mapping and the Unicode classes are in unicase.go.

import (
	"unicode"

	"contigo/value"
)

var symbolRows = []value.Primitive{
	{Name: "symbol?", Min: 1, Max: 1, Fn1: isSymbol},
	{Name: "symbol->string", Min: 1, Max: 1, Fn1: symbolToString},
	{Name: "string->symbol", Min: 1, Max: 1, Fn1: stringToSymbol},
	{Name: "symbol=?", Min: 1, Max: -1, Fn: symbolsEqual},
	{Name: "gensym", Min: 0, Max: 1, Fn: gensym},
}

var charRows = []value.Primitive{
	{Name: "char?", Min: 1, Max: 1, Fn1: isChar},
	{Name: "char->integer", Min: 1, Max: 1, Fn1: charToInteger},
	{Name: "integer->char", Min: 1, Max: 1, Fn1: integerToChar},
	// Comparisons, by code point and after simple case folding.
	{Name: "char=?", Min: 1, Max: -1, Fn: charEq},
	{Name: "char<?", Min: 1, Max: -1, Fn: charLess},
	{Name: "char>?", Min: 1, Max: -1, Fn: charGreater},
	{Name: "char<=?", Min: 1, Max: -1, Fn: charLessEq},
	{Name: "char>=?", Min: 1, Max: -1, Fn: charGreaterEq},
	{Name: "char-ci=?", Min: 1, Max: -1, Fn: charCIEq},
	{Name: "char-ci<?", Min: 1, Max: -1, Fn: charCILess},
	{Name: "char-ci>?", Min: 1, Max: -1, Fn: charCIGreater},
	{Name: "char-ci<=?", Min: 1, Max: -1, Fn: charCILessEq},
	{Name: "char-ci>=?", Min: 1, Max: -1, Fn: charCIGreaterEq},
	// Unicode classes and case mappings (unicase.go).
	{Name: "char-alphabetic?", Min: 1, Max: 1, Fn1: isCharAlphabetic},
	{Name: "char-numeric?", Min: 1, Max: 1, Fn1: isCharNumeric},
	{Name: "char-whitespace?", Min: 1, Max: 1, Fn1: isCharWhitespace},
	{Name: "char-upper-case?", Min: 1, Max: 1, Fn1: isCharUpperCase},
	{Name: "char-lower-case?", Min: 1, Max: 1, Fn1: isCharLowerCase},
	{Name: "char-upcase", Min: 1, Max: 1, Fn1: charUpcase},
	{Name: "char-downcase", Min: 1, Max: 1, Fn1: charDowncase},
	{Name: "char-foldcase", Min: 1, Max: 1, Fn1: charFoldcase},
	{Name: "digit-value", Min: 1, Max: 1, Fn1: charDigitValue},
}

func isSymbol(a V) (V, error) { _, ok := a.(*value.Symbol); return ok, nil }

func symbolToString(a V) (V, error) {
	s, ok := a.(*value.Symbol)
	if !ok {
		return nil, value.TypeError("symbol->string", "symbol", a)
	}
	return value.NewString(s.Name), nil
}

func stringToSymbol(a V) (V, error) {
	s, err := StringArg(a, "string->symbol")
	if err != nil {
		return nil, err
	}
	return value.Intern(s.String()), nil
}

func symbolsEqual(args []V) (V, error) {
	for _, a := range args {
		if _, ok := a.(*value.Symbol); !ok {
			return nil, value.TypeError("symbol=?", "symbol", a)
		}
	}
	for _, a := range args[1:] {
		if a != args[0] {
			return false, nil
		}
	}
	return true, nil
}

func gensym(args []V) (V, error) {
	prefix := "g"
	if len(args) == 1 {
		switch p := args[0].(type) {
		case *value.String:
			prefix = p.String()
		case *value.Symbol:
			prefix = p.Name
		default:
			return nil, value.TypeError("gensym", "string or symbol", p)
		}
	}
	return value.Gensym(prefix), nil
}

func isChar(a V) (V, error) { _, ok := a.(value.Char); return ok, nil }

func charToInteger(a V) (V, error) {
	c, err := CharArg(a, "char->integer")
	if err != nil {
		return nil, err
	}
	return value.Int(int64(c)), nil
}

func integerToChar(a V) (V, error) {
	n, err := IntArg(a, "integer->char")
	if err != nil {
		return nil, err
	}
	if n < 0 || n > unicode.MaxRune || (n >= 0xd800 && n < 0xe000) {
		return nil, value.Errorf("integer->char: %d is not a Unicode scalar value", n)
	}
	return value.Char(rune(n)), nil
}

// ordered answers a three-way comparison c (negative, zero, positive)
// for one of the comparison procedures.
type ordered func(c int) bool

func eq(c int) bool        { return c == 0 }
func less(c int) bool      { return c < 0 }
func greater(c int) bool   { return c > 0 }
func lessEq(c int) bool    { return c <= 0 }
func greaterEq(c int) bool { return c >= 0 }

func charEq(args []V) (V, error)          { return compareChars(args, "char=?", false, eq) }
func charLess(args []V) (V, error)        { return compareChars(args, "char<?", false, less) }
func charGreater(args []V) (V, error)     { return compareChars(args, "char>?", false, greater) }
func charLessEq(args []V) (V, error)      { return compareChars(args, "char<=?", false, lessEq) }
func charGreaterEq(args []V) (V, error)   { return compareChars(args, "char>=?", false, greaterEq) }
func charCIEq(args []V) (V, error)        { return compareChars(args, "char-ci=?", true, eq) }
func charCILess(args []V) (V, error)      { return compareChars(args, "char-ci<?", true, less) }
func charCIGreater(args []V) (V, error)   { return compareChars(args, "char-ci>?", true, greater) }
func charCILessEq(args []V) (V, error)    { return compareChars(args, "char-ci<=?", true, lessEq) }
func charCIGreaterEq(args []V) (V, error) { return compareChars(args, "char-ci>=?", true, greaterEq) }

// compareChars applies a variadic character comparison, after simple
// case folding when fold is set. Every argument is checked, even after
// the answer is known.
func compareChars(args []V, who string, fold bool, ok ordered) (V, error) {
	result := true
	var prev rune
	for i, a := range args {
		c, err := CharArg(a, who)
		if err != nil {
			return nil, err
		}
		r := rune(c)
		if fold {
			r = foldRune(r)
		}
		if i > 0 && !ok(int(prev)-int(r)) {
			result = false
		}
		prev = r
	}
	return result, nil
}

func isCharAlphabetic(a V) (V, error) { return charTest(a, "char-alphabetic?", isAlphabetic) }
func isCharNumeric(a V) (V, error)    { return charTest(a, "char-numeric?", unicode.IsDigit) }
func isCharWhitespace(a V) (V, error) { return charTest(a, "char-whitespace?", isWhitespace) }
func isCharUpperCase(a V) (V, error)  { return charTest(a, "char-upper-case?", isUpperCase) }
func isCharLowerCase(a V) (V, error)  { return charTest(a, "char-lower-case?", isLowerCase) }

func charTest(a V, who string, f func(rune) bool) (V, error) {
	c, err := CharArg(a, who)
	if err != nil {
		return nil, err
	}
	return f(rune(c)), nil
}

func charUpcase(a V) (V, error)   { return charMap(a, "char-upcase", unicode.ToUpper) }
func charDowncase(a V) (V, error) { return charMap(a, "char-downcase", unicode.ToLower) }
func charFoldcase(a V) (V, error) { return charMap(a, "char-foldcase", foldRune) }

func charMap(a V, who string, f func(rune) rune) (V, error) {
	c, err := CharArg(a, who)
	if err != nil {
		return nil, err
	}
	return value.Char(f(rune(c))), nil
}

func charDigitValue(a V) (V, error) {
	c, err := CharArg(a, "digit-value")
	if err != nil {
		return nil, err
	}
	if d := digitValue(rune(c)); d >= 0 {
		return value.Int(int64(d)), nil
	}
	return false, nil
}
