package eval

// This file installs the built-in procedures: the table of package
// prims, the primitives that need only the data model, and the ones
// here in eval that must reach the interpreter (its ports, its
// interrupt flag and sleep, its macros, its goroutines), each in its
// builtins_<area>.go file. The caller checks arity centrally
// (value.Primitive.Call), so a primitive may index its arguments freely.

import (
	"contigo/prims"
	"contigo/value"
)

type V = value.Value

func prim(name string, min, max int, fn func(args []V) (V, error)) *value.Primitive {
	return &value.Primitive{Name: name, Min: min, Max: max, Fn: fn}
}

func prim1(name string, fn func(a V) (V, error)) *value.Primitive {
	return &value.Primitive{Name: name, Min: 1, Max: 1, Fn1: fn}
}

func prim2(name string, fn func(a, b V) (V, error)) *value.Primitive {
	return &value.Primitive{Name: name, Min: 2, Max: 2, Fn2: fn}
}

// pred makes a one-argument type predicate.
func pred(name string, test func(V) bool) *value.Primitive {
	return prim1(name, func(a V) (V, error) { return test(a), nil })
}

func (in *Interp) installBuiltins() {
	in.installControls()
	in.installSchedControls()
	for _, table := range [][]*value.Primitive{
		prims.Table(&in.interrupted),
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

// The argument checks of package prims, under the short names the
// primitives of eval use.
var (
	rangeArgs = prims.RangeArgs
	str       = prims.StringArg
	char      = prims.CharArg
	listError = prims.ListError
	sizeArg   = prims.SizeArg
	bytevec   = prims.BytevectorArg
	byteArg   = prims.ByteArg
)
