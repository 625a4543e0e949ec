package scheme

// This file defines Go functions callable from Scheme.

import (
	"errors"
	"fmt"
	"runtime/debug"
	"slices"

	"contigo/eval"
	"contigo/value"
)

// Func is a Go function that Scheme can call. It receives the arguments
// of the call (a slice it may keep) and returns its result: a Scheme
// value or any Go value that ValueOf converts (nil is the unspecified
// value). UnpackArgs checks and converts the arguments.
//
// An error it returns is raised in Scheme at the call, where the program
// can catch it, and positioned there: a *value.ErrorObject (the errors of
// UnpackArgs are) as it is, an error from a call back into Scheme (one
// wrapping an *EvalError) as the Scheme exception it carries, and any
// other error as an error object whose message is the function's name
// and the error's text. If nothing catches it, errors.Is finds the Go
// error in the error EvalString or Call returns.
//
// A panic in a Func is a bug in the Go program: it stops the evaluation
// with an internal error that the program cannot catch, positioned at
// the call, whose cause is a *PanicError with the panic's value and Go
// stack. The process goes on.
//
// A Func may call back into Scheme (Call, EvalString) on the same
// Interp. That runs a nested evaluation: a continuation captured in it
// cannot be resumed once the Func has returned, and goroutines cannot
// switch across the Func's Go frames. So in the callback, an operation
// that would block (a receive on an empty channel, a sleep, a lock held
// by another goroutine) raises a Scheme error instead ("cannot block
// (chan receive) in a call from Go back into Scheme"), as a yield across
// a C call does in Lua, and yield does nothing.
type Func func(args []Value) (Value, error)

// DefineFunc binds the global variable name to a procedure that calls fn.
// name is the procedure's name in errors and backtraces.
func (in *Interp) DefineFunc(name string, fn Func) {
	in.ev.Define(name, in.NewFunc(name, fn))
}

// NewFunc returns a procedure called name that calls fn, to pass to
// Scheme without binding it to a global variable.
func (in *Interp) NewFunc(name string, fn Func) Value {
	return &value.Primitive{Name: name, Min: 0, Max: -1, Fn: func(args []Value) (res Value, err error) {
		defer func() {
			if r := recover(); r != nil {
				if eval.IsUnwinding(r) {
					panic(r)
				}
				res, err = nil, in.internal(&PanicError{Func: name, Value: r, Stack: debug.Stack()})
			}
		}()
		v, err := fn(slices.Clone(args))
		if err != nil {
			return nil, in.failed(name, err)
		}
		sv, err := ValueOf(v)
		if err != nil {
			return nil, in.internal(fmt.Errorf("%s: result: %w", name, err))
		}
		return sv, nil
	}}
}

// failed turns the error err of the Func name into what the machine
// raises (see Func).
func (in *Interp) failed(name string, err error) error {
	if errors.Is(err, ErrTimeout) || errors.Is(err, ErrInterrupted) {
		// A nested evaluation was stopped: stop this one too.
		in.ev.Stop(err)
		return eval.ErrStopped
	}
	if eo, ok := err.(*value.ErrorObject); ok {
		return eo
	}
	var ee *EvalError
	if errors.As(err, &ee) && ee.Payload != nil {
		return ee
	}
	obj := &value.ErrorObject{Message: name + ": " + err.Error()}
	in.goErr = goError{obj: obj, cause: err}
	return obj
}

// internal is the internal error raised for err, a Go bug in a Func.
func (in *Interp) internal(err error) error {
	obj := &value.ErrorObject{Message: err.Error(), Kind: "internal-error"}
	in.goErr = goError{obj: obj, cause: err}
	return obj
}
