package value

// Primitive is a procedure implemented in Go. Builtins never call back
// into the evaluator: anything that must call a Scheme procedure is a
// control primitive of the evaluator or is written in Scheme.
//
// Fn receives the arguments in a slice that the caller may reuse after Fn
// returns: a primitive that keeps its arguments must copy them. Fn1 and
// Fn2, when set, are faster entry points the evaluator uses for calls with
// exactly one or two arguments.
type Primitive struct {
	Name string
	Min  int // fewest arguments
	Max  int // most arguments, or -1 for any number
	Fn   func(args []Value) (Value, error)
	Fn1  func(a Value) (Value, error)
	Fn2  func(a, b Value) (Value, error)
}

// Opaque is implemented by runtime objects that print as #<...>.
type Opaque interface {
	// SchemeString returns the text write and display show, e.g.
	// "#<procedure fib>".
	SchemeString() string
}

// Fielded is implemented by records, which print their fields:
// #<point x: 1 y: 2>. It takes precedence over Opaque.
type Fielded interface {
	// PrintFields returns the type's name as printed (without angle
	// brackets), the field names and the field values.
	PrintFields() (name string, fields []*Symbol, vals []Value)
}

// SchemeString implements Opaque.
func (p *Primitive) SchemeString() string { return "#<procedure " + p.Name + ">" }
