package scheme

// This file defines the errors that calls into Scheme return.

import (
	"errors"
	"fmt"

	"contigo/eval"
	"contigo/prelude"
	"contigo/reader"
	"contigo/value"
)

// EvalError is an exception that no handler caught: its message, the
// position it was raised at (Error() starts with file:line:col), the
// raised object (Payload) and the Scheme backtrace (Stack, Backtrace()).
// errors.As finds it in the errors of EvalString, EvalFile and Call.
type EvalError = eval.Error

// SyntaxError is an error in the text of the program, which the reader
// found before anything of the form ran.
type SyntaxError = reader.Error

// ExitError is returned when the program called exit; Code is its status.
type ExitError = eval.ExitError

// ErrInterrupted is the error of an evaluation that Interrupt stopped.
var ErrInterrupted = eval.ErrInterrupted

// errInterrupted is what Interrupt stops the machine with: it is not
// ErrInterrupted itself, which the concurrency library would take as a
// Ctrl-C for the foreground goroutine only, but wraps it.
var errInterrupted = fmt.Errorf("%w", eval.ErrInterrupted)

// ErrTimeout is the error of an evaluation that ran out of the time
// Options.Timeout allows.
var ErrTimeout = errors.New("time limit exceeded")

// PanicError is the cause of the EvalError returned when a Func panicked.
// The panic stops the evaluation, as a bug in a built-in procedure does:
// the program cannot catch it, and the EvalError says where the Scheme
// program called the function.
type PanicError struct {
	Func  string // the name the function was registered under
	Value any    // the value it panicked with
	Stack []byte // the Go stack at the panic
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("%s: Go panic: %v", e.Func, e.Value)
}

// goError is the error object raised for a failed Func, with the Go error
// that failed it (a *PanicError after a panic).
type goError struct {
	obj   *value.ErrorObject
	cause error
}

// withCause is an EvalError that a Go error caused: errors.As finds the
// EvalError and errors.Is the cause.
type withCause struct {
	*EvalError
	cause error
}

func (e *withCause) Unwrap() []error { return []error{e.EvalError, e.cause} }

// DeadlockError is the error of an evaluation whose main goroutine
// blocked while every other goroutine was blocked too, so that nothing
// could wake it: Go's "all goroutines are asleep - deadlock!". Report
// says what each goroutine waits for, and where.
type DeadlockError struct {
	*EvalError
	Report string
}

func (e *DeadlockError) Unwrap() error { return e.EvalError }

// wrapError adds to err, an error of an evaluation, what Go knows of it:
// the Go error behind it when a Func raised it, the report of a
// deadlock.
func (in *Interp) wrapError(err error) error {
	var ee *EvalError
	if err == nil || !errors.As(err, &ee) {
		return err
	}
	if prelude.IsDeadlock(err) {
		return &DeadlockError{EvalError: ee, Report: prelude.DeadlockReport(in.ev)}
	}
	if in.goErr.obj == nil || ee.Payload != value.Value(in.goErr.obj) {
		return err
	}
	return &withCause{EvalError: ee, cause: in.goErr.cause}
}
