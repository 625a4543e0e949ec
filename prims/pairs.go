package prims

// This file defines the primitives on pairs, equivalence and booleans
// (report 6.1, 6.3, 6.4), with the compositions of car and cdr.

import "contigo/value"

var pairRows = []value.Primitive{
	{Name: "cons", Min: 2, Max: 2, Fn2: cons},
	{Name: "car", Min: 1, Max: 1, Fn1: car},
	{Name: "cdr", Min: 1, Max: 1, Fn1: cdr},
	{Name: "set-car!", Min: 2, Max: 2, Fn2: setCar},
	{Name: "set-cdr!", Min: 2, Max: 2, Fn2: setCdr},
	{Name: "pair?", Min: 1, Max: 1, Fn1: isPair},
	{Name: "null?", Min: 1, Max: 1, Fn1: isNull},
	{Name: "eq?", Min: 2, Max: 2, Fn2: isEq},
	{Name: "eqv?", Min: 2, Max: 2, Fn2: isEqv},
	{Name: "not", Min: 1, Max: 1, Fn1: not},
	{Name: "boolean?", Min: 1, Max: 1, Fn1: isBoolean},
	{Name: "boolean=?", Min: 2, Max: -1, Fn: booleansEqual},
}

func cons(a, b V) (V, error) { return &value.Pair{Car: a, Cdr: b}, nil }

func car(a V) (V, error) {
	if p, ok := a.(*value.Pair); ok {
		return p.Car, nil
	}
	return nil, value.TypeError("car", "pair", a)
}

func cdr(a V) (V, error) {
	if p, ok := a.(*value.Pair); ok {
		return p.Cdr, nil
	}
	return nil, value.TypeError("cdr", "pair", a)
}

func setCar(p, v V) (V, error) {
	pp, ok := p.(*value.Pair)
	if !ok {
		return nil, value.TypeError("set-car!", "pair", p)
	}
	pp.Car = v
	return value.Unspecified, nil
}

func setCdr(p, v V) (V, error) {
	pp, ok := p.(*value.Pair)
	if !ok {
		return nil, value.TypeError("set-cdr!", "pair", p)
	}
	pp.Cdr = v
	return value.Unspecified, nil
}

func isPair(a V) (V, error) { _, ok := a.(*value.Pair); return ok, nil }
func isNull(a V) (V, error) { return a == value.Value(value.Nil), nil }

func isEq(a, b V) (V, error)  { return value.Eq(a, b), nil }
func isEqv(a, b V) (V, error) { return value.Eqv(a, b), nil }

// IsEqual is equal? without an interrupt flag, the default equivalence
// of hash tables.
func IsEqual(a, b V) (V, error) { return value.Equal(a, b), nil }

func not(a V) (V, error)       { return a == value.Value(false), nil }
func isBoolean(a V) (V, error) { _, ok := a.(bool); return ok, nil }

func booleansEqual(args []V) (V, error) {
	for _, a := range args {
		if _, ok := a.(bool); !ok {
			return nil, value.TypeError("boolean=?", "boolean", a)
		}
	}
	for i := 1; i < len(args); i++ {
		if args[i] != args[0] {
			return false, nil
		}
	}
	return true, nil
}

// The compositions of two to four cars and cdrs.
var cxrRows = []value.Primitive{
	{Name: "caar", Min: 1, Max: 1, Fn1: caar},
	{Name: "cadr", Min: 1, Max: 1, Fn1: cadr},
	{Name: "cdar", Min: 1, Max: 1, Fn1: cdar},
	{Name: "cddr", Min: 1, Max: 1, Fn1: cddr},
	{Name: "caaar", Min: 1, Max: 1, Fn1: caaar},
	{Name: "caadr", Min: 1, Max: 1, Fn1: caadr},
	{Name: "cadar", Min: 1, Max: 1, Fn1: cadar},
	{Name: "caddr", Min: 1, Max: 1, Fn1: caddr},
	{Name: "cdaar", Min: 1, Max: 1, Fn1: cdaar},
	{Name: "cdadr", Min: 1, Max: 1, Fn1: cdadr},
	{Name: "cddar", Min: 1, Max: 1, Fn1: cddar},
	{Name: "cdddr", Min: 1, Max: 1, Fn1: cdddr},
	{Name: "caaaar", Min: 1, Max: 1, Fn1: caaaar},
	{Name: "caaadr", Min: 1, Max: 1, Fn1: caaadr},
	{Name: "caadar", Min: 1, Max: 1, Fn1: caadar},
	{Name: "caaddr", Min: 1, Max: 1, Fn1: caaddr},
	{Name: "cadaar", Min: 1, Max: 1, Fn1: cadaar},
	{Name: "cadadr", Min: 1, Max: 1, Fn1: cadadr},
	{Name: "caddar", Min: 1, Max: 1, Fn1: caddar},
	{Name: "cadddr", Min: 1, Max: 1, Fn1: cadddr},
	{Name: "cdaaar", Min: 1, Max: 1, Fn1: cdaaar},
	{Name: "cdaadr", Min: 1, Max: 1, Fn1: cdaadr},
	{Name: "cdadar", Min: 1, Max: 1, Fn1: cdadar},
	{Name: "cdaddr", Min: 1, Max: 1, Fn1: cdaddr},
	{Name: "cddaar", Min: 1, Max: 1, Fn1: cddaar},
	{Name: "cddadr", Min: 1, Max: 1, Fn1: cddadr},
	{Name: "cdddar", Min: 1, Max: 1, Fn1: cdddar},
	{Name: "cddddr", Min: 1, Max: 1, Fn1: cddddr},
}

func caar(a V) (V, error)   { return cxr(a, "caar") }
func cadr(a V) (V, error)   { return cxr(a, "cadr") }
func cdar(a V) (V, error)   { return cxr(a, "cdar") }
func cddr(a V) (V, error)   { return cxr(a, "cddr") }
func caaar(a V) (V, error)  { return cxr(a, "caaar") }
func caadr(a V) (V, error)  { return cxr(a, "caadr") }
func cadar(a V) (V, error)  { return cxr(a, "cadar") }
func caddr(a V) (V, error)  { return cxr(a, "caddr") }
func cdaar(a V) (V, error)  { return cxr(a, "cdaar") }
func cdadr(a V) (V, error)  { return cxr(a, "cdadr") }
func cddar(a V) (V, error)  { return cxr(a, "cddar") }
func cdddr(a V) (V, error)  { return cxr(a, "cdddr") }
func caaaar(a V) (V, error) { return cxr(a, "caaaar") }
func caaadr(a V) (V, error) { return cxr(a, "caaadr") }
func caadar(a V) (V, error) { return cxr(a, "caadar") }
func caaddr(a V) (V, error) { return cxr(a, "caaddr") }
func cadaar(a V) (V, error) { return cxr(a, "cadaar") }
func cadadr(a V) (V, error) { return cxr(a, "cadadr") }
func caddar(a V) (V, error) { return cxr(a, "caddar") }
func cadddr(a V) (V, error) { return cxr(a, "cadddr") }
func cdaaar(a V) (V, error) { return cxr(a, "cdaaar") }
func cdaadr(a V) (V, error) { return cxr(a, "cdaadr") }
func cdadar(a V) (V, error) { return cxr(a, "cdadar") }
func cdaddr(a V) (V, error) { return cxr(a, "cdaddr") }
func cddaar(a V) (V, error) { return cxr(a, "cddaar") }
func cddadr(a V) (V, error) { return cxr(a, "cddadr") }
func cdddar(a V) (V, error) { return cxr(a, "cdddar") }
func cddddr(a V) (V, error) { return cxr(a, "cddddr") }

// cxr follows the letters of name (c[ad]+r) from right to left.
func cxr(a V, name string) (V, error) {
	v := a
	for i := len(name) - 2; i > 0; i-- {
		p, ok := v.(*value.Pair)
		if !ok {
			return nil, value.TypeError(name, "pair of the right shape", a)
		}
		if name[i] == 'a' {
			v = p.Car
		} else {
			v = p.Cdr
		}
	}
	return v, nil
}
