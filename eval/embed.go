package eval

// This file defines the few exported accessors that package scheme, the
// public embedding API, needs and that the evaluator does not otherwise
// export: making and walking hash tables from Go (to convert Go maps),
// and telling the evaluator's own unwinding panics from a Go function's
// bug (to recover the one without swallowing the other).

import (
	"contigo/prims"
	"contigo/value"
)

// HashTable is a Scheme hash table (defined in package prims, with the
// methods Set, Each and Len).
type HashTable = prims.HashTable

// NewEqualHashTable returns an empty hash table whose keys are compared
// with equal?, as (make-equal-hash-table) makes.
func NewEqualHashTable() *HashTable { return prims.NewEqualHashTable() }

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
