package eval

import (
	"strings"

	"contigo/value"
)

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
		return nil, listError(who, "list", v)
	}
	return items, nil
}

// listError reports that v is not a proper list: a circular one, or
// something else than the list wanted.
func listError(who, want string, v V) error {
	if value.IsCircular(v) {
		return value.NotProperList(who, v)
	}
	return value.TypeError(who, want, v)
}

// mem finds x in list l with eq.
func mem(name string, eq func(a, b V) bool) *value.Primitive {
	return prim2(name, func(x, l V) (V, error) {
		slow := l
		for v, i := l, 0; ; i++ {
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
			if i&1 == 1 {
				if slow = slow.(*value.Pair).Cdr; slow == v {
					return nil, value.NotProperList(strings.TrimPrefix(name, "%"), l)
				}
			}
		}
	})
}

func ass(name string, eq func(a, b V) bool) *value.Primitive {
	return prim2(name, func(x, l V) (V, error) {
		slow := l
		for v, i := l, 0; ; i++ {
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
			if i&1 == 1 {
				if slow = slow.(*value.Pair).Cdr; slow == v {
					return nil, value.NotProperList(strings.TrimPrefix(name, "%"), l)
				}
			}
		}
	})
}

// listTailCycle returns the nth tail of the circular list l without
// going round its cycle more than once: n steps on a cycle of length c
// land where n mod c steps past the cycle's start do.
func listTailCycle(l V, n int) V {
	// Find the cycle's start mu and length lambda (Brent would do too).
	slow, fast := l.(*value.Pair), l.(*value.Pair)
	for {
		slow = slow.Cdr.(*value.Pair)
		fast = fast.Cdr.(*value.Pair).Cdr.(*value.Pair)
		if slow == fast {
			break
		}
	}
	mu, start := 0, l.(*value.Pair)
	for start != slow {
		start, slow = start.Cdr.(*value.Pair), slow.Cdr.(*value.Pair)
		mu++
	}
	lambda, p := 1, start.Cdr.(*value.Pair)
	for p != start {
		p = p.Cdr.(*value.Pair)
		lambda++
	}
	steps := n
	if n > mu {
		steps = mu + (n-mu)%lambda
	}
	var v V = l
	for i := 0; i < steps; i++ {
		v = v.(*value.Pair).Cdr
	}
	return v
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
						return nil, value.NotProperList("length", l)
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
			slow := l
			for v, i := l, 0; ; i++ {
				p, ok := v.(*value.Pair)
				if !ok {
					if v == value.Value(value.Nil) {
						return out, nil
					}
					return nil, value.TypeError("reverse", "list", l)
				}
				out = &value.Pair{Car: p.Car, Cdr: out}
				v = p.Cdr
				if i&1 == 1 {
					if slow = slow.(*value.Pair).Cdr; slow == v {
						return nil, value.NotProperList("reverse", l)
					}
				}
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
			v, slow := l, l
			for i := 0; i < n; i++ {
				p, ok := v.(*value.Pair)
				if !ok {
					return nil, value.RangeError("list-tail", k, i)
				}
				v = p.Cdr
				if i&1 == 1 {
					if slow = slow.(*value.Pair).Cdr; slow == v {
						// Going round a cycle: take the rest.
						return listTailCycle(l, n), nil
					}
				}
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
			v, slow := l, l
			for i := 0; ; i++ {
				p, ok := v.(*value.Pair)
				if !ok {
					return nil, value.RangeError("list-ref", k, i)
				}
				if i == n {
					return p.Car, nil
				}
				v = p.Cdr
				if i&1 == 1 {
					if slow = slow.(*value.Pair).Cdr; slow == v {
						return listTailCycle(l, n).(*value.Pair).Car, nil
					}
				}
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
						return nil, value.NotProperList("list-copy", l)
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
			slow := p
			for i := 0; ; i++ {
				next, ok := p.Cdr.(*value.Pair)
				if !ok {
					return p, nil
				}
				p = next
				if i&1 == 1 {
					if slow = slow.Cdr.(*value.Pair); slow == p {
						return nil, value.NotProperList("last-pair", l)
					}
				}
			}
		}),
		// (%check-list who l) returns l, or raises "who: not a proper
		// list" when l is circular: the library procedures written in
		// Scheme call it before walking a list to its end.
		prim2("%check-list", func(who, l V) (V, error) {
			if value.IsCircular(l) {
				return nil, value.NotProperList(value.DisplayString(who), l)
			}
			return l, nil
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
