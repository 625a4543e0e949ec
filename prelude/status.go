package prelude

// This file defines how a program's end is reported, as Go reports a
// program's: the exit status, and what follows the error message.

import (
	"errors"

	"contigo/eval"
	"contigo/value"
)

// Exit statuses of a program (see ExitStatus).
const (
	StatusError       = 1   // an uncaught error
	StatusDeadlock    = 2   // every goroutine blocked, as Go exits
	StatusOutOfMemory = 3   // past the memory limit (eval.Options.MaxMemory)
	StatusInterrupted = 130 // Ctrl-C, as for a process killed by SIGINT
)

// ExitStatus is the exit status of a program that ended with err: 0 for
// nil, the code given to exit, StatusDeadlock, StatusInterrupted,
// StatusOutOfMemory, or StatusError for any other error.
func ExitStatus(err error) int {
	var exit *eval.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.Code
	case errors.Is(err, eval.ErrInterrupted):
		return StatusInterrupted
	case IsDeadlock(err):
		return StatusDeadlock
	case errorKind(err) == "out-of-memory":
		return StatusOutOfMemory
	}
	return StatusError
}

// ErrorDetails is what follows the message of an error that ended a
// program: for a deadlock, a blank line and the report of what each
// goroutine waits for (DeadlockReport); for another error of the
// program, its backtrace; else "".
func ErrorDetails(in *eval.Interp, err error) string {
	if IsDeadlock(err) {
		return "\n" + DeadlockReport(in)
	}
	var e *eval.Error
	if errors.As(err, &e) {
		return e.Backtrace()
	}
	return ""
}

// IsDeadlock reports whether err is the error the scheduler raises in
// goroutine 1 when every goroutine is blocked.
func IsDeadlock(err error) bool { return errorKind(err) == "deadlock" }

// errorKind is the kind of the error object err raised ("" if none).
func errorKind(err error) string {
	var e *eval.Error
	if !errors.As(err, &e) {
		return ""
	}
	obj, ok := e.Payload.(*value.ErrorObject)
	if !ok {
		return ""
	}
	return obj.Kind
}
