package eval

// This file defines the primitives on symbols, characters and strings
// (report 6.5–6.7). Case mapping and the Unicode character classes are in
// unicase.go; string-map and string-for-each, which call procedures, are
// in boot.scm.

import (
	"slices"
	"unicode"

	"contigo/value"
)

func str(v V, who string) (*value.String, error) {
	if s, ok := v.(*value.String); ok {
		return s, nil
	}
	return nil, value.TypeError(who, "string", v)
}

func char(v V, who string) (value.Char, error) {
	if c, ok := v.(value.Char); ok {
		return c, nil
	}
	return 0, value.TypeError(who, "character", v)
}

// charCompare makes a variadic character comparison. Every argument is
// checked, even after the result is known.
func charCompare(name string, fold bool, ok func(a, b rune) bool) *value.Primitive {
	return prim(name, 1, -1, func(args []V) (V, error) {
		result := true
		var prev rune
		for i, a := range args {
			c, err := char(a, name)
			if err != nil {
				return nil, err
			}
			r := rune(c)
			if fold {
				r = foldRune(r)
			}
			if i > 0 && !ok(prev, r) {
				result = false
			}
			prev = r
		}
		return result, nil
	})
}

// stringCompare makes a variadic string comparison: code point order,
// after full case folding for the -ci versions.
func stringCompare(name string, fold bool, ok func(c int) bool) *value.Primitive {
	return prim(name, 1, -1, func(args []V) (V, error) {
		result := true
		var prev []rune
		for i, a := range args {
			s, err := str(a, name)
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
	})
}

func charPred(name string, f func(rune) bool) *value.Primitive {
	return prim1(name, func(a V) (V, error) {
		c, err := char(a, name)
		if err != nil {
			return nil, err
		}
		return f(rune(c)), nil
	})
}

func charMap(name string, f func(rune) rune) *value.Primitive {
	return prim1(name, func(a V) (V, error) {
		c, err := char(a, name)
		if err != nil {
			return nil, err
		}
		return value.Char(f(rune(c))), nil
	})
}

func stringMap(name string, f func([]rune) []rune) *value.Primitive {
	return prim1(name, func(a V) (V, error) {
		s, err := str(a, name)
		if err != nil {
			return nil, err
		}
		return &value.String{R: f(s.R)}, nil
	})
}

func symbolCharPrims() []*value.Primitive {
	return []*value.Primitive{
		pred("symbol?", func(a V) bool { _, ok := a.(*value.Symbol); return ok }),
		prim1("symbol->string", func(a V) (V, error) {
			s, ok := a.(*value.Symbol)
			if !ok {
				return nil, value.TypeError("symbol->string", "symbol", a)
			}
			return value.NewString(s.Name), nil
		}),
		prim1("string->symbol", func(a V) (V, error) {
			s, err := str(a, "string->symbol")
			if err != nil {
				return nil, err
			}
			return value.Intern(s.String()), nil
		}),
		prim("symbol=?", 1, -1, func(args []V) (V, error) {
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
		}),
		prim("gensym", 0, 1, func(args []V) (V, error) {
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
		}),
		pred("char?", func(a V) bool { _, ok := a.(value.Char); return ok }),
		prim1("char->integer", func(a V) (V, error) {
			c, err := char(a, "char->integer")
			if err != nil {
				return nil, err
			}
			return value.Int(int64(c)), nil
		}),
		prim1("integer->char", func(a V) (V, error) {
			n, err := toInt(a, "integer->char")
			if err != nil {
				return nil, err
			}
			if n < 0 || n > unicode.MaxRune || (n >= 0xd800 && n < 0xe000) {
				return nil, value.Errorf("integer->char: %d is not a Unicode scalar value", n)
			}
			return value.Char(rune(n)), nil
		}),
		charCompare("char=?", false, func(a, b rune) bool { return a == b }),
		charCompare("char<?", false, func(a, b rune) bool { return a < b }),
		charCompare("char>?", false, func(a, b rune) bool { return a > b }),
		charCompare("char<=?", false, func(a, b rune) bool { return a <= b }),
		charCompare("char>=?", false, func(a, b rune) bool { return a >= b }),
		charCompare("char-ci=?", true, func(a, b rune) bool { return a == b }),
		charCompare("char-ci<?", true, func(a, b rune) bool { return a < b }),
		charCompare("char-ci>?", true, func(a, b rune) bool { return a > b }),
		charCompare("char-ci<=?", true, func(a, b rune) bool { return a <= b }),
		charCompare("char-ci>=?", true, func(a, b rune) bool { return a >= b }),
		charPred("char-alphabetic?", isAlphabetic),
		charPred("char-numeric?", unicode.IsDigit),
		charPred("char-whitespace?", isWhitespace),
		charPred("char-upper-case?", isUpperCase),
		charPred("char-lower-case?", isLowerCase),
		charMap("char-upcase", unicode.ToUpper),
		charMap("char-downcase", unicode.ToLower),
		charMap("char-foldcase", foldRune),
		prim1("digit-value", func(a V) (V, error) {
			c, err := char(a, "digit-value")
			if err != nil {
				return nil, err
			}
			if d := digitValue(rune(c)); d >= 0 {
				return value.Int(int64(d)), nil
			}
			return false, nil
		}),
	}
}

func stringPrims() []*value.Primitive {
	return []*value.Primitive{
		pred("string?", func(a V) bool { _, ok := a.(*value.String); return ok }),
		prim("make-string", 1, 2, func(args []V) (V, error) {
			n, err := sizeArg(args[0], "make-string", 4)
			if err != nil {
				return nil, err
			}
			fill := ' '
			if len(args) == 2 {
				c, err := char(args[1], "make-string")
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
		}),
		prim("string", 0, -1, func(args []V) (V, error) {
			r := make([]rune, len(args))
			for i, a := range args {
				c, err := char(a, "string")
				if err != nil {
					return nil, err
				}
				r[i] = rune(c)
			}
			return &value.String{R: r}, nil
		}),
		prim1("string-length", func(a V) (V, error) {
			s, err := str(a, "string-length")
			if err != nil {
				return nil, err
			}
			return value.Int(int64(len(s.R))), nil
		}),
		prim2("string-ref", func(a, k V) (V, error) {
			s, err := str(a, "string-ref")
			if err != nil {
				return nil, err
			}
			i, err := index(k, "string-ref", len(s.R))
			if err != nil {
				return nil, err
			}
			return value.Char(s.R[i]), nil
		}),
		prim("string-set!", 3, 3, func(args []V) (V, error) {
			s, err := str(args[0], "string-set!")
			if err != nil {
				return nil, err
			}
			i, err := index(args[1], "string-set!", len(s.R))
			if err != nil {
				return nil, err
			}
			c, err := char(args[2], "string-set!")
			if err != nil {
				return nil, err
			}
			s.R[i] = rune(c)
			return value.Unspecified, nil
		}),
		prim("substring", 2, 3, func(args []V) (V, error) { return copyString(args, "substring") }),
		prim("string-copy", 1, 3, func(args []V) (V, error) { return copyString(args, "string-copy") }),
		prim("string-copy!", 3, 5, func(args []V) (V, error) {
			to, err := str(args[0], "string-copy!")
			if err != nil {
				return nil, err
			}
			from, err := str(args[2], "string-copy!")
			if err != nil {
				return nil, err
			}
			at, start, end, err := copyArgs(args, "string-copy!", len(to.R), len(from.R))
			if err != nil {
				return nil, err
			}
			copy(to.R[at:], from.R[start:end]) // copy handles overlap
			return value.Unspecified, nil
		}),
		prim("string-append", 0, -1, func(args []V) (V, error) {
			n := 0
			for _, a := range args {
				s, err := str(a, "string-append")
				if err != nil {
					return nil, err
				}
				n += len(s.R)
			}
			if err := checkAlloc("string-append", n, 4); err != nil {
				return nil, err
			}
			r := make([]rune, 0, n)
			for _, a := range args {
				r = append(r, a.(*value.String).R...)
			}
			return &value.String{R: r}, nil
		}),
		prim("string->list", 1, 3, func(args []V) (V, error) {
			s, err := str(args[0], "string->list")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 1, "string->list", len(s.R))
			if err != nil {
				return nil, err
			}
			var l V = value.Nil
			for i := end - 1; i >= start; i-- {
				l = &value.Pair{Car: value.Char(s.R[i]), Cdr: l}
			}
			return l, nil
		}),
		prim1("list->string", func(l V) (V, error) {
			items, err := listArg(l, "list->string")
			if err != nil {
				return nil, err
			}
			r := make([]rune, len(items))
			for i, it := range items {
				c, err := char(it, "list->string")
				if err != nil {
					return nil, err
				}
				r[i] = rune(c)
			}
			return &value.String{R: r}, nil
		}),
		prim("string->vector", 1, 3, func(args []V) (V, error) {
			s, err := str(args[0], "string->vector")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 1, "string->vector", len(s.R))
			if err != nil {
				return nil, err
			}
			items := make([]V, end-start)
			for i, r := range s.R[start:end] {
				items[i] = value.Char(r)
			}
			return &value.Vector{Items: items}, nil
		}),
		prim("string-fill!", 2, 4, func(args []V) (V, error) {
			s, err := str(args[0], "string-fill!")
			if err != nil {
				return nil, err
			}
			c, err := char(args[1], "string-fill!")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 2, "string-fill!", len(s.R))
			if err != nil {
				return nil, err
			}
			for i := start; i < end; i++ {
				s.R[i] = rune(c)
			}
			return value.Unspecified, nil
		}),
		stringCompare("string=?", false, func(c int) bool { return c == 0 }),
		stringCompare("string<?", false, func(c int) bool { return c < 0 }),
		stringCompare("string>?", false, func(c int) bool { return c > 0 }),
		stringCompare("string<=?", false, func(c int) bool { return c <= 0 }),
		stringCompare("string>=?", false, func(c int) bool { return c >= 0 }),
		stringCompare("string-ci=?", true, func(c int) bool { return c == 0 }),
		stringCompare("string-ci<?", true, func(c int) bool { return c < 0 }),
		stringCompare("string-ci>?", true, func(c int) bool { return c > 0 }),
		stringCompare("string-ci<=?", true, func(c int) bool { return c <= 0 }),
		stringCompare("string-ci>=?", true, func(c int) bool { return c >= 0 }),
		stringMap("string-upcase", upcaseRunes),
		stringMap("string-downcase", downcaseRunes),
		stringMap("string-foldcase", foldRunes),
	}
}

func copyString(args []V, who string) (V, error) {
	s, err := str(args[0], who)
	if err != nil {
		return nil, err
	}
	start, end, err := rangeArgs(args, 1, who, len(s.R))
	if err != nil {
		return nil, err
	}
	return &value.String{R: append([]rune(nil), s.R[start:end]...)}, nil
}

// copyArgs parses the arguments (to at from [start [end]]) of
// string-copy!, vector-copy! and bytevector-copy!, checking that the
// range of from fits into to at at.
func copyArgs(args []V, who string, toLen, fromLen int) (at, start, end int, err error) {
	at, err = toInt(args[1], who)
	if err != nil {
		return 0, 0, 0, err
	}
	if at < 0 || at > toLen {
		return 0, 0, 0, value.Errorf("%s: index %d out of range [0, %d]", who, at, toLen)
	}
	start, end, err = rangeArgs(args, 3, who, fromLen)
	if err != nil {
		return 0, 0, 0, err
	}
	if end-start > toLen-at {
		return 0, 0, 0, value.Errorf("%s: %d elements do not fit at index %d of a destination of length %d", who, end-start, at, toLen)
	}
	return at, start, end, nil
}
