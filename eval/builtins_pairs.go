package eval

import "contigo/value"

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

// cxr builds c[ad]+r from its letters, applied right to left.
func cxr(name string) *value.Primitive {
	path := name[1 : len(name)-1]
	return prim1(name, func(a V) (V, error) {
		v := a
		for i := len(path) - 1; i >= 0; i-- {
			p, ok := v.(*value.Pair)
			if !ok {
				return nil, value.TypeError(name, "pair of the right shape", a)
			}
			if path[i] == 'a' {
				v = p.Car
			} else {
				v = p.Cdr
			}
		}
		return v, nil
	})
}

func listArg(v V, who string) ([]V, error) {
	items, ok := value.ToSlice(v)
	if !ok {
		return nil, value.TypeError(who, "list", v)
	}
	return items, nil
}

// mem finds x in list l with eq.
func mem(name string, eq func(a, b V) bool) *value.Primitive {
	return prim2(name, func(x, l V) (V, error) {
		for v := l; ; {
			p, ok := v.(*value.Pair)
			if !ok {
				if v == value.Value(value.Nil) {
					return false, nil
				}
				return nil, value.TypeError(name, "list", l)
			}
			if eq(x, p.Car) {
				return p, nil
			}
			v = p.Cdr
		}
	})
}

func ass(name string, eq func(a, b V) bool) *value.Primitive {
	return prim2(name, func(x, l V) (V, error) {
		for v := l; ; {
			p, ok := v.(*value.Pair)
			if !ok {
				if v == value.Value(value.Nil) {
					return false, nil
				}
				return nil, value.TypeError(name, "list", l)
			}
			entry, ok := p.Car.(*value.Pair)
			if !ok {
				return nil, value.TypeError(name, "association list", l)
			}
			if eq(x, entry.Car) {
				return entry, nil
			}
			v = p.Cdr
		}
	})
}

// equalPrim is equal?, the default equivalence of hash tables.
var equalPrim = prim2("equal?", func(a, b V) (V, error) { return value.Equal(a, b), nil })

func pairPrims() []*value.Primitive {
	ps := []*value.Primitive{
		prim2("cons", func(a, b V) (V, error) { return &value.Pair{Car: a, Cdr: b}, nil }),
		prim1("car", car),
		prim1("cdr", cdr),
		prim2("set-car!", func(p, v V) (V, error) {
			pp, ok := p.(*value.Pair)
			if !ok {
				return nil, value.TypeError("set-car!", "pair", p)
			}
			pp.Car = v
			return value.Unspecified, nil
		}),
		prim2("set-cdr!", func(p, v V) (V, error) {
			pp, ok := p.(*value.Pair)
			if !ok {
				return nil, value.TypeError("set-cdr!", "pair", p)
			}
			pp.Cdr = v
			return value.Unspecified, nil
		}),
		pred("pair?", func(a V) bool { _, ok := a.(*value.Pair); return ok }),
		pred("null?", func(a V) bool { return a == value.Value(value.Nil) }),
		pred("list?", value.IsList),
		prim("list", 0, -1, func(args []V) (V, error) { return value.List(args...), nil }),
		prim("cons*", 1, -1, func(args []V) (V, error) {
			return value.ListTail(args[:len(args)-1], args[len(args)-1]), nil
		}),
		prim1("length", func(l V) (V, error) {
			n := 0
			slow := l
			for v := l; ; n++ {
				p, ok := v.(*value.Pair)
				if !ok {
					if v == value.Value(value.Nil) {
						return value.Int(int64(n)), nil
					}
					return nil, value.TypeError("length", "proper list", l)
				}
				v = p.Cdr
				if n&1 == 1 {
					slow = slow.(*value.Pair).Cdr
					if slow == v {
						return nil, value.TypeError("length", "proper list", l)
					}
				}
			}
		}),
		prim("append", 0, -1, func(args []V) (V, error) {
			if len(args) == 0 {
				return value.Nil, nil
			}
			result := args[len(args)-1]
			for i := len(args) - 2; i >= 0; i-- {
				items, err := listArg(args[i], "append")
				if err != nil {
					return nil, err
				}
				result = value.ListTail(items, result)
			}
			return result, nil
		}),
		prim1("reverse", func(l V) (V, error) {
			var out V = value.Nil
			for v := l; ; {
				p, ok := v.(*value.Pair)
				if !ok {
					if v == value.Value(value.Nil) {
						return out, nil
					}
					return nil, value.TypeError("reverse", "list", l)
				}
				out = &value.Pair{Car: p.Car, Cdr: out}
				v = p.Cdr
			}
		}),
		prim2("list-tail", func(l, k V) (V, error) {
			n, err := toInt(k, "list-tail")
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, value.TypeError("list-tail", "non-negative exact integer", k)
			}
			v := l
			for i := 0; i < n; i++ {
				p, ok := v.(*value.Pair)
				if !ok {
					return nil, value.RangeError("list-tail", k, i)
				}
				v = p.Cdr
			}
			return v, nil
		}),
		prim2("list-ref", func(l, k V) (V, error) {
			n, err := toInt(k, "list-ref")
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, value.TypeError("list-ref", "non-negative exact integer", k)
			}
			v := l
			for i := 0; ; i++ {
				p, ok := v.(*value.Pair)
				if !ok {
					return nil, value.RangeError("list-ref", k, i)
				}
				if i == n {
					return p.Car, nil
				}
				v = p.Cdr
			}
		}),
		prim1("list-copy", func(l V) (V, error) {
			var items []V
			v, slow := l, l
			for i := 0; ; i++ {
				p, ok := v.(*value.Pair)
				if !ok {
					break
				}
				items = append(items, p.Car)
				v = p.Cdr
				if i&1 == 1 {
					slow = slow.(*value.Pair).Cdr
					if slow == v {
						return nil, value.TypeError("list-copy", "non-circular list", l)
					}
				}
			}
			return value.ListTail(items, v), nil
		}),
		prim("list-set!", 3, 3, func(args []V) (V, error) {
			n, err := toInt(args[1], "list-set!")
			if err != nil {
				return nil, err
			}
			v := args[0]
			for i := 0; ; i++ {
				p, ok := v.(*value.Pair)
				if !ok || n < 0 {
					return nil, value.RangeError("list-set!", args[1], i)
				}
				if i == n {
					p.Car = args[2]
					return value.Unspecified, nil
				}
				v = p.Cdr
			}
		}),
		prim("make-list", 1, 2, func(args []V) (V, error) {
			n, err := sizeArg(args[0], "make-list", 32)
			if err != nil {
				return nil, err
			}
			var fill V = value.Unspecified
			if len(args) == 2 {
				fill = args[1]
			}
			var l V = value.Nil
			for i := 0; i < n; i++ {
				l = &value.Pair{Car: fill, Cdr: l}
			}
			return l, nil
		}),
		prim1("last-pair", func(l V) (V, error) {
			p, ok := l.(*value.Pair)
			if !ok {
				return nil, value.TypeError("last-pair", "pair", l)
			}
			for {
				next, ok := p.Cdr.(*value.Pair)
				if !ok {
					return p, nil
				}
				p = next
			}
		}),
		mem("memq", value.Eq),
		mem("memv", value.Eqv),
		mem("%member", value.Equal),
		ass("assq", value.Eq),
		ass("assv", value.Eqv),
		ass("%assoc", value.Equal),
		prim2("eq?", func(a, b V) (V, error) { return value.Eq(a, b), nil }),
		prim2("eqv?", func(a, b V) (V, error) { return value.Eqv(a, b), nil }),
		equalPrim,
		prim1("not", func(a V) (V, error) { return a == value.Value(false), nil }),
		pred("boolean?", func(a V) bool { _, ok := a.(bool); return ok }),
		prim("boolean=?", 2, -1, func(args []V) (V, error) {
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
		}),
	}
	// The compositions of two to four cars and cdrs (caar ... cddddr).
	var paths []string
	for n := 2; n <= 4; n++ {
		for bits := 0; bits < 1<<n; bits++ {
			path := make([]byte, n)
			for i := range path {
				path[i] = "ad"[bits>>(n-1-i)&1]
			}
			paths = append(paths, "c"+string(path)+"r")
		}
	}
	for _, name := range paths {
		ps = append(ps, cxr(name))
	}
	return ps
}
