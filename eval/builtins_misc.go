package eval

// This file defines the primitives of everyday use that must reach the
// interpreter: sleeping answers its interrupt flag and flushes its
// output, command-line and the environment read its options, the
// macroexpanders use its macros, and the error descriptions use the
// backtraces the machine recorded. The rest are in package prims.

import (
	"math"
	"os"

	"contigo/prims"
	"contigo/value"
)

func (in *Interp) miscPrims() []*value.Primitive {
	return prims.Fresh([]value.Primitive{
		// procedure? knows the machine's kinds of procedure.
		{Name: "procedure?", Min: 1, Max: 1, Fn1: isProcedurePrim},
		{Name: "os-sleep", Min: 1, Max: 1, Fn1: in.osSleep},
		{Name: "command-line", Min: 0, Max: 0, Fn: in.commandLine},
		{Name: "get-environment-variable", Min: 1, Max: 1, Fn1: in.getEnvironmentVariable},
		{Name: "macroexpand-1", Min: 1, Max: 1, Fn1: in.macroexpand1},
		{Name: "macroexpand", Min: 1, Max: 1, Fn1: in.macroexpandAll},
	})
}

func isProcedurePrim(a V) (V, error) { return isProcedure(a), nil }

func (in *Interp) osSleep(a V) (V, error) {
	f, ok := value.ToFloat(a)
	if !ok || !(f >= 0) || math.IsInf(f, 1) {
		return nil, value.TypeError("os-sleep", "finite non-negative number of milliseconds", a)
	}
	in.Flush()
	if !in.sleep(f) {
		return nil, errStopped
	}
	return value.Unspecified, nil
}

func (in *Interp) commandLine([]V) (V, error) {
	items := make([]V, len(in.args))
	for i, a := range in.args {
		items[i] = value.NewString(a)
	}
	return value.List(items...), nil
}

func (in *Interp) getEnvironmentVariable(a V) (V, error) {
	s, err := str(a, "get-environment-variable")
	if err != nil {
		return nil, err
	}
	if err := in.checkEnv("get-environment-variable"); err != nil {
		return nil, err
	}
	v, ok := os.LookupEnv(s.String())
	if !ok {
		return false, nil
	}
	return value.NewString(v), nil
}

func (in *Interp) macroexpand1(form V) (V, error)   { return in.macroexpand(form, true) }
func (in *Interp) macroexpandAll(form V) (V, error) { return in.macroexpand(form, false) }

// macroexpand expands the head of form once, or until it is no longer a
// macro use.
func (in *Interp) macroexpand(form V, once bool) (V, error) {
	for {
		p, ok := form.(*value.Pair)
		if !ok {
			return form, nil
		}
		sym, ok := p.Car.(*value.Symbol)
		if !ok {
			return form, nil
		}
		g, ok := in.globalOf(sym)
		if !ok || g.Macro == nil {
			return form, nil
		}
		out, err := g.Macro.Expand(form, in)
		if err == in.interruptError() {
			// The transformer's run was interrupted: stop as a long
			// primitive does, not with an error the program could catch.
			return nil, errStopped
		}
		if err != nil {
			return nil, err
		}
		form = out
		if once {
			return form, nil
		}
	}
}

// errorPrims are the procedures that describe error objects for tools
// such as the goroutine scheduler, which reports errors it caught.
func errorPrims() []*value.Primitive {
	return prims.Fresh([]value.Primitive{
		{Name: "error-object-backtrace", Min: 1, Max: 1, Fn1: errorObjectBacktrace},
		{Name: "condition->string", Min: 1, Max: 1, Fn1: conditionToString},
	})
}

func errorObjectBacktrace(a V) (V, error) {
	if _, ok := a.(*value.ErrorObject); !ok {
		return value.NewString(""), nil
	}
	return value.NewString(ErrorOf(a).Backtrace()), nil
}

func conditionToString(a V) (V, error) { return value.NewString(ErrorOf(a).Error()), nil }
