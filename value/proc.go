package value

import "fmt"

// Primitive is a procedure implemented in Go. Builtins never call back
// into the evaluator: anything that must call a Scheme procedure is a
// control primitive of the evaluator or is written in Scheme.
//
// A primitive has up to three entry points. Fn1 and Fn2, when set, take
// exactly one or two arguments, and are set only when Min and Max allow
// that count; Fn takes any other count the arity allows (it may be nil
// when Fn1 or Fn2 covers every count). Fn receives the arguments in a
// slice that the caller may reuse after Fn returns: a primitive that
// keeps its arguments must copy them. Callers go through Call, which
// checks the arity, so the entry points may index their arguments
// freely.
type Primitive struct {
	Name string
	Min  int // fewest arguments
	Max  int // most arguments, or -1 for any number
	Fn   func(args []Value) (Value, error)
	Fn1  func(a Value) (Value, error)
	Fn2  func(a, b Value) (Value, error)
	Fn3  func(a, b, c Value) (Value, error)
}

// Call checks the number of arguments and calls the entry point for it.
// Fn1, Fn2 and Fn3 are set only for counts the arity allows, so they
// need no check.
func (p *Primitive) Call(args []Value) (Value, error) {
	switch n := len(args); {
	case n == 1 && p.Fn1 != nil:
		return p.Fn1(args[0])
	case n == 2 && p.Fn2 != nil:
		return p.Fn2(args[0], args[1])
	case n == 3 && p.Fn3 != nil:
		return p.Fn3(args[0], args[1], args[2])
	case n < p.Min || (p.Max >= 0 && n > p.Max):
		return nil, ArityError(p.Name, p.Min, p.Max, n)
	}
	return p.Fn(args)
}

// ArityError is the error of a call of the procedure name, which takes
// from min to max arguments (max -1: any number), with got arguments.
func ArityError(name string, min, max, got int) *ErrorObject {
	if name == "" {
		name = "#<procedure>"
	}
	var want string
	switch {
	case max < 0:
		want = fmt.Sprintf("at least %d", min)
	case min == max:
		want = fmt.Sprintf("%d", min)
	default:
		want = fmt.Sprintf("%d to %d", min, max)
	}
	plural := "s"
	if want == "1" || want == "at least 1" {
		plural = ""
	}
	return &ErrorObject{Message: fmt.Sprintf("%s: expected %s argument%s, got %d", name, want, plural, got)}
}

// Opaque is implemented by runtime objects that print as #<...>.
type Opaque interface {
	// SchemeString returns the text write and display show, e.g.
	// "#<procedure fib>".
	SchemeString() string
}

// Fielded is implemented by records, which print their fields:
// #<point x: 1 y: 2>. It takes precedence over Opaque, except when
// PrintFields returns an empty name: the object then prints as its
// Opaque SchemeString and shows no fields.
type Fielded interface {
	// PrintFields returns the type's name as printed (without angle
	// brackets), the field names and the field values.
	PrintFields() (name string, fields []*Symbol, vals []Value)
}

// SchemeString implements Opaque.
func (p *Primitive) SchemeString() string { return "#<procedure " + p.Name + ">" }
