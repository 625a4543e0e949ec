package scheme

// This file defines the running of a program's goroutines (the
// concurrency library of package prelude): waiting for them, and ending
// the program as Go does.

import (
	"errors"
	"time"

	"contigo/prelude"
)

// settleBudget is how long Wait lets the goroutines run before it looks
// at the clock again: a spinning goroutine cannot keep it from noticing
// Interrupt or Timeout (the machine notices them anyway), and the
// goroutines' timers are served by the scheduler in the meantime.
const settleBudget = 100 * time.Millisecond

// ErrNoConcurrency is returned by Wait and End on an interpreter made
// with Options.NoConcurrency.
var ErrNoConcurrency = errors.New("scheme: the concurrency library is not loaded (Options.NoConcurrency)")

// Wait runs the goroutines that the evaluations so far started until
// none can run: each is done, or blocked on something no other goroutine
// will provide (a channel only Go's next evaluation sends on). Goroutines
// asleep or waiting on a timer are waited for. The main goroutine, the
// one Go's evaluations run as, waits meanwhile; Timeout and Interrupt
// stop Wait as they stop an evaluation.
//
// An uncaught error in a goroutine ends the program, as a panic does in
// Go: its message and backtrace go to Stderr, and Wait returns an
// *ExitError with Code 1.
func (in *Interp) Wait() (err error) {
	if !in.concurrent {
		return ErrNoConcurrency
	}
	defer in.enter()(&err)
	for {
		next, err := prelude.Settle(in.ev, settleBudget)
		if err != nil || next < 0 {
			return err
		}
		if next > 0 {
			if err := in.sleep(next); err != nil {
				return err
			}
		}
	}
}

// sleep waits for d, or until Interrupt or the timeout stops the call,
// whose error it then returns.
func (in *Interp) sleep(d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-in.wake:
		err := in.ev.StopPending()
		in.ev.ClearInterrupt()
		return err
	}
}

// End ends the program as Go does when its main function returns: the
// goroutines still running, blocked or asleep are dropped, without
// running their dynamic-wind after thunks (Go runs no deferred calls of
// other goroutines at exit). Its error is the program's: an *ExitError
// if a goroutine's uncaught error ended it. Evaluate nothing in the
// interpreter after End.
func (in *Interp) End() (err error) {
	if !in.concurrent {
		return nil
	}
	defer in.enter()(&err)
	return prelude.ProgramEnd(in.ev)
}

// Run evaluates the program src, read as the file name, and ends it
// (End), as the contigo command runs a file: the program ends when its
// main goroutine does.
func (in *Interp) Run(name, src string) error {
	if _, err := in.EvalSource(name, src); err != nil {
		return err
	}
	return in.End()
}

// RunFile is Run for the program in the file at path.
func (in *Interp) RunFile(path string) error {
	if _, err := in.EvalFile(path); err != nil {
		return err
	}
	return in.End()
}
