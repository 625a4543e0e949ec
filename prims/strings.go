package prims

// This file defines the primitives on strings (report 6.7). Case
// mapping is in unicase.go; string-map and string-for-each, which call
// procedures, are in eval's core.scm.

import (
	"slices"

	"contigo/value"
)

var stringRows = []value.Primitive{
	{Name: "string?", Min: 1, Max: 1, Fn1: isString},
	{Name: "make-string", Min: 1, Max: 2, Fn: makeString},
	{Name: "string", Min: 0, Max: -1, Fn: stringOf},
	{Name: "string-length", Min: 1, Max: 1, Fn1: stringLength},
	{Name: "string-ref", Min: 2, Max: 2, Fn2: stringRef},
	{Name: "string-set!", Min: 3, Max: 3, Fn: stringSet},
	{Name: "substring", Min: 2, Max: 3, Fn: substring},
	{Name: "string-copy", Min: 1, Max: 3, Fn: stringCopy},
	{Name: "string-copy!", Min: 3, Max: 5, Fn: stringCopyTo},
	{Name: "string-append", Min: 0, Max: -1, Fn: stringAppend},
	{Name: "string->list", Min: 1, Max: 3, Fn: stringToList},
	{Name: "list->string", Min: 1, Max: 1, Fn1: listToString},
	{Name: "string->vector", Min: 1, Max: 3, Fn: stringToVector},
	{Name: "string-fill!", Min: 2, Max: 4, Fn: stringFill},
	{Name: "string=?", Min: 1, Max: -1, Fn: stringEq},
	{Name: "string<?", Min: 1, Max: -1, Fn: stringLess},
	{Name: "string>?", Min: 1, Max: -1, Fn: stringGreater},
	{Name: "string<=?", Min: 1, Max: -1, Fn: stringLessEq},
	{Name: "string>=?", Min: 1, Max: -1, Fn: stringGreaterEq},
	{Name: "string-ci=?", Min: 1, Max: -1, Fn: stringCIEq},
	{Name: "string-ci<?", Min: 1, Max: -1, Fn: stringCILess},
	{Name: "string-ci>?", Min: 1, Max: -1, Fn: stringCIGreater},
	{Name: "string-ci<=?", Min: 1, Max: -1, Fn: stringCILessEq},
	{Name: "string-ci>=?", Min: 1, Max: -1, Fn: stringCIGreaterEq},
	{Name: "string-upcase", Min: 1, Max: 1, Fn1: stringUpcase},
	{Name: "string-downcase", Min: 1, Max: 1, Fn1: stringDowncase},
	{Name: "string-foldcase", Min: 1, Max: 1, Fn1: stringFoldcase},
}

func isString(a V) (V, error) { _, ok := a.(*value.String); return ok, nil }

func makeString(args []V) (V, error) {
	n, err := SizeArg(args[0], "make-string", 4)
	if err != nil {
		return nil, err
	}
	fill := ' '
	if len(args) == 2 {
		c, err := CharArg(args[1], "make-string")
		if err != nil {
			return nil, err
		}
		fill = rune(c)
	}
	r := make([]rune, n)
	for i := range r {
		r[i] = fill
	}
	return &value.String{R: r}, nil
}

func stringOf(args []V) (V, error) { return charsToString(args, "string") }

// charsToString makes a string of the characters items.
func charsToString(items []V, who string) (V, error) {
	r := make([]rune, len(items))
	for i, a := range items {
		c, err := CharArg(a, who)
		if err != nil {
			return nil, err
		}
		r[i] = rune(c)
	}
	return &value.String{R: r}, nil
}

func stringLength(a V) (V, error) { return lengthOf(a, "string-length", runesOf) }

func stringRef(a, k V) (V, error) {
	r, err := elementAt(a, k, "string-ref", runesOf)
	if err != nil {
		return nil, err
	}
	return value.Char(r), nil
}

func stringSet(args []V) (V, error) {
	s, err := StringArg(args[0], "string-set!")
	if err != nil {
		return nil, err
	}
	i, err := IndexArg(args[1], "string-set!", len(s.R))
	if err != nil {
		return nil, err
	}
	c, err := CharArg(args[2], "string-set!")
	if err != nil {
		return nil, err
	}
	s.R[i] = rune(c)
	return value.Unspecified, nil
}

func substring(args []V) (V, error)  { return copyString(args, "substring") }
func stringCopy(args []V) (V, error) { return copyString(args, "string-copy") }

func copyString(args []V, who string) (V, error) {
	r, _, err := ranged(args, who, runesOf)
	if err != nil {
		return nil, err
	}
	return &value.String{R: append([]rune(nil), r...)}, nil
}

func stringCopyTo(args []V) (V, error) { return copyInto(args, "string-copy!", runesOf) }

func stringAppend(args []V) (V, error) {
	r, err := concat(args, "string-append", 4, runesOf)
	if err != nil {
		return nil, err
	}
	return &value.String{R: r}, nil
}

func stringToList(args []V) (V, error) {
	r, _, err := ranged(args, "string->list", runesOf)
	if err != nil {
		return nil, err
	}
	var l V = value.Nil
	for i := len(r) - 1; i >= 0; i-- {
		l = &value.Pair{Car: value.Char(r[i]), Cdr: l}
	}
	return l, nil
}

func listToString(l V) (V, error) {
	items, err := ListArg(l, "list->string")
	if err != nil {
		return nil, err
	}
	return charsToString(items, "list->string")
}

func stringToVector(args []V) (V, error) {
	rs, _, err := ranged(args, "string->vector", runesOf)
	if err != nil {
		return nil, err
	}
	items := make([]V, len(rs))
	for i, r := range rs {
		items[i] = value.Char(r)
	}
	return &value.Vector{Items: items}, nil
}

func stringFill(args []V) (V, error) {
	s, err := StringArg(args[0], "string-fill!")
	if err != nil {
		return nil, err
	}
	c, err := CharArg(args[1], "string-fill!")
	if err != nil {
		return nil, err
	}
	start, end, err := RangeArgs(args, 2, "string-fill!", len(s.R))
	if err != nil {
		return nil, err
	}
	for i := start; i < end; i++ {
		s.R[i] = rune(c)
	}
	return value.Unspecified, nil
}

func stringEq(args []V) (V, error)        { return compareStrings(args, "string=?", false, eq) }
func stringLess(args []V) (V, error)      { return compareStrings(args, "string<?", false, less) }
func stringGreater(args []V) (V, error)   { return compareStrings(args, "string>?", false, greater) }
func stringLessEq(args []V) (V, error)    { return compareStrings(args, "string<=?", false, lessEq) }
func stringGreaterEq(args []V) (V, error) { return compareStrings(args, "string>=?", false, greaterEq) }
func stringCIEq(args []V) (V, error)      { return compareStrings(args, "string-ci=?", true, eq) }
func stringCILess(args []V) (V, error)    { return compareStrings(args, "string-ci<?", true, less) }
func stringCIGreater(args []V) (V, error) { return compareStrings(args, "string-ci>?", true, greater) }
func stringCILessEq(args []V) (V, error)  { return compareStrings(args, "string-ci<=?", true, lessEq) }
func stringCIGreaterEq(args []V) (V, error) {
	return compareStrings(args, "string-ci>=?", true, greaterEq)
}

// compareStrings applies a variadic string comparison: code point
// order, after full case folding when fold is set.
func compareStrings(args []V, who string, fold bool, ok ordered) (V, error) {
	result := true
	var prev []rune
	for i, a := range args {
		s, err := StringArg(a, who)
		if err != nil {
			return nil, err
		}
		r := s.R
		if fold {
			r = foldRunes(r)
		}
		if i > 0 && result && !ok(slices.Compare(prev, r)) {
			result = false
		}
		prev = r
	}
	return result, nil
}

func stringUpcase(a V) (V, error)   { return stringMap(a, "string-upcase", upcaseRunes) }
func stringDowncase(a V) (V, error) { return stringMap(a, "string-downcase", downcaseRunes) }
func stringFoldcase(a V) (V, error) { return stringMap(a, "string-foldcase", foldRunes) }

func stringMap(a V, who string, f func([]rune) []rune) (V, error) {
	s, err := StringArg(a, who)
	if err != nil {
		return nil, err
	}
	return &value.String{R: f(s.R)}, nil
}
