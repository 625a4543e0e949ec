package eval

// This file defines the few exported accessors that package scheme, the
// public embedding API, needs and that the evaluator does not otherwise
// export: telling the evaluator's own unwinding panics from a Go
// function's bug (to recover the one without swallowing the other), the
// arity error's wording, procedure?, and stopping from inside a Go
// function.

import "contigo/value"

// IsUnwinding reports whether r, a value recovered from a panic, is one
// the evaluator uses to unwind Go frames (exit called in a nested run, a
// Scheme exception or a stop on its way to the machine's loop). A Go
// function called from Scheme that recovers panics must panic again with
// such a value.
func IsUnwinding(r any) bool {
	switch r.(type) {
	case *exitSignal, *fault, stopSignal:
		return true
	}
	return false
}

// IsProcedure reports whether v can be called: a procedure, a
// continuation or a parameter.
func IsProcedure(v value.Value) bool { return isProcedure(v) }

// ArityError is the error for a call of the procedure name with got
// arguments when it takes from min to max (-1: any number).
func ArityError(name string, min, max, got int) *value.ErrorObject {
	return arityError(name, min, max, got)
}

// ErrStopped is what a Go function called from Scheme returns to end the
// evaluation at once, as at the machine's poll after a Stop: it is not
// raised, and the evaluation returns the error given to the last Stop.
var ErrStopped = errStopped
