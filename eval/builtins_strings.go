package eval

import (
	"strings"
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

// charCompare makes a variadic character comparison.
func charCompare(name string, fold bool, ok func(a, b rune) bool) *value.Primitive {
	return prim(name, 1, -1, func(args []V) (V, error) {
		result := true
		for i, a := range args {
			c, err := char(a, name)
			if err != nil {
				return nil, err
			}
			if i == 0 {
				continue
			}
			p, _ := char(args[i-1], name)
			x, y := rune(p), rune(c)
			if fold {
				x, y = foldRune(x), foldRune(y)
			}
			if !ok(x, y) {
				result = false
			}
		}
		return result, nil
	})
}

func foldRune(r rune) rune { return unicode.ToLower(unicode.ToUpper(r)) }

// stringCompare makes a variadic string comparison.
func stringCompare(name string, fold bool, ok func(c int) bool) *value.Primitive {
	return prim(name, 1, -1, func(args []V) (V, error) {
		result := true
		for i, a := range args {
			s, err := str(a, name)
			if err != nil {
				return nil, err
			}
			if i == 0 {
				continue
			}
			p, _ := str(args[i-1], name)
			x, y := p.String(), s.String()
			if fold {
				x, y = foldString(x), foldString(y)
			}
			if !ok(strings.Compare(x, y)) {
				result = false
			}
		}
		return result, nil
	})
}

func foldString(s string) string { return strings.ToLower(strings.ToUpper(s)) }

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

func stringMap(name string, f func(string) string) *value.Primitive {
	return prim1(name, func(a V) (V, error) {
		s, err := str(a, name)
		if err != nil {
			return nil, err
		}
		return value.NewString(f(s.String())), nil
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
		charPred("char-alphabetic?", unicode.IsLetter),
		charPred("char-numeric?", unicode.IsDigit),
		charPred("char-whitespace?", unicode.IsSpace),
		charPred("char-upper-case?", unicode.IsUpper),
		charPred("char-lower-case?", unicode.IsLower),
		charMap("char-upcase", unicode.ToUpper),
		charMap("char-downcase", unicode.ToLower),
		charMap("char-foldcase", foldRune),
		prim1("digit-value", func(a V) (V, error) {
			c, err := char(a, "digit-value")
			if err != nil {
				return nil, err
			}
			if !unicode.IsDigit(rune(c)) {
				return false, nil
			}
			// Decimal digits come in runs of ten starting at a zero.
			r := rune(c)
			for z := r; z >= r-9; z-- {
				if !unicode.IsDigit(z - 1) {
					return value.Int(int64(r - z)), nil
				}
			}
			return value.Int(int64(r-'0') % 10), nil
		}),
	}
}

func stringPrims() []*value.Primitive {
	return []*value.Primitive{
		pred("string?", func(a V) bool { _, ok := a.(*value.String); return ok }),
		prim("make-string", 1, 2, func(args []V) (V, error) {
			n, err := toInt(args[0], "make-string")
			if err != nil || n < 0 {
				return nil, value.TypeError("make-string", "non-negative exact integer", args[0])
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
		prim("string-append", 0, -1, func(args []V) (V, error) {
			var r []rune
			for _, a := range args {
				s, err := str(a, "string-append")
				if err != nil {
					return nil, err
				}
				r = append(r, s.R...)
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
			items := make([]V, 0, end-start)
			for _, r := range s.R[start:end] {
				items = append(items, value.Char(r))
			}
			return value.List(items...), nil
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
		stringMap("string-upcase", strings.ToUpper),
		stringMap("string-downcase", strings.ToLower),
		stringMap("string-foldcase", foldString),
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

func vec(v V, who string) (*value.Vector, error) {
	if x, ok := v.(*value.Vector); ok {
		return x, nil
	}
	return nil, value.TypeError(who, "vector", v)
}

func vectorPrims() []*value.Primitive {
	return []*value.Primitive{
		pred("vector?", func(a V) bool { _, ok := a.(*value.Vector); return ok }),
		prim("make-vector", 1, 2, func(args []V) (V, error) {
			n, err := toInt(args[0], "make-vector")
			if err != nil || n < 0 {
				return nil, value.TypeError("make-vector", "non-negative exact integer", args[0])
			}
			var fill V = value.Unspecified
			if len(args) == 2 {
				fill = args[1]
			}
			items := make([]V, n)
			for i := range items {
				items[i] = fill
			}
			return &value.Vector{Items: items}, nil
		}),
		prim("vector", 0, -1, func(args []V) (V, error) {
			return &value.Vector{Items: append([]V(nil), args...)}, nil
		}),
		prim1("vector-length", func(a V) (V, error) {
			v, err := vec(a, "vector-length")
			if err != nil {
				return nil, err
			}
			return value.Int(int64(len(v.Items))), nil
		}),
		prim2("vector-ref", func(a, k V) (V, error) {
			v, err := vec(a, "vector-ref")
			if err != nil {
				return nil, err
			}
			if i, ok := k.(value.Fixnum); ok && i >= 0 && int(i) < len(v.Items) {
				return v.Items[i], nil
			}
			i, err := index(k, "vector-ref", len(v.Items))
			if err != nil {
				return nil, err
			}
			return v.Items[i], nil
		}),
		prim("vector-set!", 3, 3, func(args []V) (V, error) {
			v, err := vec(args[0], "vector-set!")
			if err != nil {
				return nil, err
			}
			i, err := index(args[1], "vector-set!", len(v.Items))
			if err != nil {
				return nil, err
			}
			v.Items[i] = args[2]
			return value.Unspecified, nil
		}),
		prim("vector->list", 1, 3, func(args []V) (V, error) {
			v, err := vec(args[0], "vector->list")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 1, "vector->list", len(v.Items))
			if err != nil {
				return nil, err
			}
			return value.List(v.Items[start:end]...), nil
		}),
		prim1("list->vector", func(l V) (V, error) {
			items, err := listArg(l, "list->vector")
			if err != nil {
				return nil, err
			}
			return &value.Vector{Items: items}, nil
		}),
		prim("vector-fill!", 2, 4, func(args []V) (V, error) {
			v, err := vec(args[0], "vector-fill!")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 2, "vector-fill!", len(v.Items))
			if err != nil {
				return nil, err
			}
			for i := start; i < end; i++ {
				v.Items[i] = args[1]
			}
			return value.Unspecified, nil
		}),
		prim("vector-copy", 1, 3, func(args []V) (V, error) {
			v, err := vec(args[0], "vector-copy")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 1, "vector-copy", len(v.Items))
			if err != nil {
				return nil, err
			}
			return &value.Vector{Items: append([]V(nil), v.Items[start:end]...)}, nil
		}),
		prim("vector-append", 0, -1, func(args []V) (V, error) {
			var items []V
			for _, a := range args {
				v, err := vec(a, "vector-append")
				if err != nil {
					return nil, err
				}
				items = append(items, v.Items...)
			}
			return &value.Vector{Items: items}, nil
		}),
		pred("bytevector?", func(a V) bool { _, ok := a.(*value.Bytevector); return ok }),
	}
}
