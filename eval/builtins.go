package eval

// This file installs the built-in procedures. Each builtins_<area>.go file
// contributes a table of primitives; the machine checks arity centrally,
// so a primitive's Go function may index its arguments freely.

import "contigo/value"

type V = value.Value

func prim(name string, min, max int, fn func(args []V) (V, error)) *value.Primitive {
	return &value.Primitive{Name: name, Min: min, Max: max, Fn: fn}
}

func prim1(name string, fn func(a V) (V, error)) *value.Primitive {
	return &value.Primitive{Name: name, Min: 1, Max: 1, Fn1: fn,
		Fn: func(args []V) (V, error) { return fn(args[0]) }}
}

func prim2(name string, fn func(a, b V) (V, error)) *value.Primitive {
	return &value.Primitive{Name: name, Min: 2, Max: 2, Fn2: fn,
		Fn: func(args []V) (V, error) { return fn(args[0], args[1]) }}
}

// pred makes a one-argument type predicate.
func pred(name string, test func(V) bool) *value.Primitive {
	return prim1(name, func(a V) (V, error) { return test(a), nil })
}

func (in *Interp) installBuiltins() {
	in.installControls()
	in.installSchedControls()
	for _, table := range [][]*value.Primitive{
		numberPrims(&in.interrupted),
		pairPrims(),
		symbolCharPrims(),
		stringPrims(),
		vectorPrims(),
		bytevectorPrims(),
		in.ioPrims(),
		in.srfiPrims(),
		in.miscPrims(),
		errorPrims(),
		in.schedPrims(),
		in.tracePrims(),
		in.ppPrims(),
	} {
		for _, p := range table {
			in.Define(p.Name, p)
		}
	}
	// The current ports are the parameter objects themselves, so that
	// parameterize can rebind them (report 6.13.1); their converters
	// check that a new value is a port of the right kind.
	for _, p := range []struct {
		name  string
		param *Parameter
		input bool
	}{
		{"current-output-port", in.curOut, false},
		{"current-error-port", in.curErr, false},
		{"current-input-port", in.curIn, true},
	} {
		p.param.converter = portConverter(p.name, p.input)
		in.Define(p.name, p.param)
	}
	// Internal names used by expansions, so that user bindings of the
	// public names do not break quasiquote and friends.
	for internal, public := range map[string]string{
		"%cons": "cons", "%append": "append", "%list": "list",
		"%list->vector": "list->vector", "%memv": "memv",
	} {
		v, _ := in.Lookup(public)
		in.Define(internal, v)
	}
}

// portConverter checks the value parameterize gives a current port.
func portConverter(name string, input bool) *value.Primitive {
	return prim1(name, func(a V) (V, error) {
		p, ok := a.(*Port)
		if !ok || (input && p.r == nil) || (!input && p.w == nil) {
			want := "output port"
			if input {
				want = "input port"
			}
			return nil, value.TypeError(name, want, a)
		}
		return p, nil
	})
}

func toInt(v V, who string) (int, error) { return value.IntegerToInt(v, who) }

func index(v V, who string, limit int) (int, error) {
	i, err := value.IntegerToInt(v, who)
	if err != nil {
		return 0, err
	}
	if i < 0 || i >= limit {
		return 0, value.RangeError(who, v, limit)
	}
	return i, nil
}

// rangeArgs parses optional [start [end]] arguments at args[from:].
func rangeArgs(args []V, from int, who string, length int) (int, int, error) {
	start, end := 0, length
	if len(args) > from {
		s, err := value.IntegerToInt(args[from], who)
		if err != nil {
			return 0, 0, err
		}
		start = s
	}
	if len(args) > from+1 {
		e, err := value.IntegerToInt(args[from+1], who)
		if err != nil {
			return 0, 0, err
		}
		end = e
	}
	if start < 0 || end > length || start > end {
		return 0, 0, value.Errorf("%s: bad range [%d, %d) for length %d", who, start, end, length)
	}
	return start, end, nil
}
