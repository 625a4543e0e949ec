package prelude

// This file defines the hooks of a program's life: its end, the deadlock
// that can end it, and the REPL's turns.

import (
	"errors"
	"time"

	"contigo/eval"
	"contigo/value"
)

// ProgramEnd is called after the last form of a program. As in Go, the
// program ends with its main program (goroutine 1): the goroutines still
// running are dropped (the scheduler trace lists them). Its error is the
// program's exit (an *eval.ExitError), or an error a goroutine raised.
func ProgramEnd(in *eval.Interp) error { return run(in, "%program-end") }

// DeadlockReport returns the report of the last deadlock, Go's way: one
// block per goroutine, saying what it waits for and where. It is "" if
// there was none.
func DeadlockReport(in *eval.Interp) string {
	if v, ok := in.Lookup("%deadlock-report"); ok {
		if s, ok := v.(*value.String); ok {
			return s.String()
		}
	}
	return ""
}

// Interactive makes an uncaught error in a goroutine be reported without
// ending the program, as the REPL wants.
func Interactive(in *eval.Interp) error { return run(in, "%interactive!") }

// RecoverMain makes goroutine 1, the REPL's, the running one again after
// an evaluation stopped by an error or by Ctrl-C, and ends the goroutine
// that was interrupted.
func RecoverMain(in *eval.Interp) error { return run(in, "%recover-main!") }

// Settle lets the runnable goroutines run until every one is blocked,
// asleep or done, or for at most budget if budget > 0 (so that a
// spinning goroutine cannot keep the REPL's prompt from coming back).
// Goroutine 1, the caller's, waits meanwhile. Settle returns when there
// will be work for them again: 0 if some are runnable, the time to the
// next timer, or a negative duration if only the user can make one run.
func Settle(in *eval.Interp, budget time.Duration) (time.Duration, error) {
	var args []value.Value
	if budget > 0 {
		args = append(args, value.Fixnum(max(budget.Milliseconds(), 1)))
	}
	v, err := call(in, "%repl-settle", args...)
	if err != nil {
		if errors.Is(err, ErrNotLoaded) {
			err = nil
		}
		return -1, err
	}
	ms, ok := value.ToFloat(v)
	if !ok {
		return -1, nil
	}
	return time.Duration(ms * float64(time.Millisecond)), nil
}

// SetTimeSlice sets about how long a goroutine runs before the scheduler
// preempts it, if another is runnable: 1 ms unless set. Each slice varies
// at random by up to half a millisecond either way (a loop whose period
// divides the slice is not always interrupted at the same place), and is
// never under 50 µs. A long slice makes the order in which goroutines
// print repeatable on a loaded machine, as tests want.
func SetTimeSlice(in *eval.Interp, d time.Duration) error {
	if !Loaded(in) {
		return ErrNotLoaded
	}
	in.Define("%time-slice", value.Int(d.Microseconds()))
	return nil
}
