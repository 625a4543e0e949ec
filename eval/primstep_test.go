package eval

import (
	"io"
	"strings"
	"testing"

	"contigo/value"
)

// TestPrimStepAgrees checks PrimStep against the primitive it calls, on
// the values of agreementGrid: the inlined built-ins of one and two
// operands (whose fixnum cases PrimStep writes out) and a few others.
// Each call is compiled with its first, its second or both operands
// calls of a closure (so that they need a step), must compile to a
// PrimStep, and must give the primitive's value or fail with its error.
func TestPrimStepAgrees(t *testing.T) {
	in, err := New(Options{Stdout: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	grid := agreementGrid(t, in)
	names := []string{"*", "cons", "eqv?", "quotient", "vector?"}
	for name, o := range inlineOpNames {
		if o.arity <= 2 {
			names = append(names, name)
		}
	}
	sym := value.Intern
	quote := func(v value.Value) value.Value { return value.List(sym("quote"), v) }
	called := func(v value.Value) value.Value { return value.List(sym("id"), quote(v)) }
	for _, name := range names {
		p := in.globals[sym(name)].Value.(*value.Primitive)
		for _, a := range grid {
			if p.Fn1 != nil {
				want, wantErr := p.Fn1(a)
				checkPrimStep(t, in, value.List(sym(name), called(a)), want, wantErr)
				continue
			}
			for _, b := range grid {
				want, wantErr := p.Fn2(a, b)
				for _, call := range []value.Value{
					value.List(sym(name), called(a), called(b)),
					value.List(sym(name), quote(a), called(b)),
					value.List(sym(name), called(a), quote(b)),
				} {
					checkPrimStep(t, in, call, want, wantErr)
				}
			}
		}
	}
}

// checkPrimStep evaluates call in a scope where id is the identity and
// checks that it compiled to a PrimStep and gave want (as written: cons
// makes a new pair each time) or wantErr.
func checkPrimStep(t *testing.T, in *Interp, call, want value.Value, wantErr error) {
	t.Helper()
	lambda := value.List(value.Intern("lambda"), value.List(value.Intern("id")), call)
	form := value.List(lambda, value.List(value.Intern("lambda"), value.List(value.Intern("v")), value.Intern("v")))
	desc := value.WriteString(call)
	node, err := in.compileTop(form, nil, value.Pos{})
	if err != nil {
		t.Fatal(err)
	}
	if app, ok := node.(*App); !ok {
		t.Fatalf("%s: compiled to %T", desc, node)
	} else if _, ok := app.all[len(app.all)-1].(*Lambda).body.(*PrimStep); !ok {
		t.Fatalf("%s did not compile to a PrimStep", desc)
	}
	got, err := in.Eval(form, nil)
	switch {
	case wantErr != nil:
		if err == nil || !strings.Contains(err.Error(), wantErr.Error()) {
			t.Errorf("%s: got %v, %v; want the error %v", desc, value.WriteString(got), err, wantErr)
		}
	case err != nil:
		t.Errorf("%s: error %v, want %s", desc, err, value.WriteString(want))
	case value.WriteString(got) != value.WriteString(want):
		t.Errorf("%s = %s, want %s", desc, value.WriteString(got), value.WriteString(want))
	}
}
