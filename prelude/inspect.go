package prelude

// This file defines the hooks that look at the scheduler: its trace, and
// the goroutines alive.

import (
	"fmt"

	"contigo/eval"
	"contigo/reader"
	"contigo/value"
)

// TraceScheduler turns the printing of the scheduler's events (spawn,
// block, wake, switch, preempt, cancel, exit) to the error port on or
// off, as (trace-scheduler on?) does.
func TraceScheduler(in *eval.Interp, on bool) error {
	_, err := call(in, "trace-scheduler", on)
	return err
}

// RecordTrace starts recording the scheduler's events afresh (on), for
// TraceEvents, or stops it and forgets them.
func RecordTrace(in *eval.Interp, on bool) error {
	_, err := call(in, "%trace-record!", on)
	return err
}

// TraceEvents returns the events recorded since RecordTrace, oldest
// first, and the number left out past the library's limit on a
// recording. Each is a vector #(microseconds position nursery opener kind
// item ...): position a string "file:line:col" or #f; nursery and opener
// the numbers of a spawned goroutine's nursery and of the goroutine that
// opened it (0 for the root nursery; #f for other events); every item a
// string (internal/timeline decodes them).
func TraceEvents(in *eval.Interp) (events []value.Value, leftOut int, err error) {
	log, ok := in.Lookup("%trace-log")
	if !ok {
		return nil, 0, ErrNotLoaded
	}
	items, ok := value.ToSlice(log)
	if !ok {
		return nil, 0, fmt.Errorf("no scheduler trace is being recorded (see RecordTrace)")
	}
	events = make([]value.Value, len(items))
	for i, item := range items {
		events[len(items)-1-i] = item // the log is newest first
	}
	if v, ok := in.Lookup("%trace-left-out"); ok {
		if n, ok := v.(value.Fixnum); ok {
			leftOut = int(n)
		}
	}
	return events, leftOut, nil
}

// Goroutine describes a live goroutine.
type Goroutine struct {
	ID int
	// State is "running", "runnable" or "blocked".
	State string
	// Waiting says, for a blocked goroutine, what it waits for, as Go's
	// tracebacks do: "chan receive", "chan send", "select", "sleep",
	// "nursery" or "idle". It is "" for the others.
	Waiting string
}

// Goroutines lists the live goroutines, by id.
func Goroutines(in *eval.Interp) ([]Goroutine, error) {
	list, err := call(in, "goroutines")
	if err != nil {
		return nil, err
	}
	items, ok := value.ToSlice(list)
	if !ok {
		return nil, fmt.Errorf("(goroutines) returned %s, not a list", value.WriteString(list))
	}
	out := make([]Goroutine, len(items))
	for i, it := range items {
		fields, ok := value.ToSlice(it)
		var id value.Fixnum
		if ok = ok && len(fields) == 3; ok {
			id, ok = fields[0].(value.Fixnum)
		}
		if !ok {
			return nil, fmt.Errorf("(goroutines) listed %s, not (id state waiting)", value.WriteString(it))
		}
		out[i] = Goroutine{ID: int(id), State: value.DisplayString(fields[1])}
		if fields[2] != value.Value(false) {
			out[i].Waiting = value.DisplayString(fields[2])
		}
	}
	return out, nil
}

// GoroutineIDProc returns a procedure of no arguments that returns the id of
// the goroutine running when it is called (1 for the main program, and
// always 1 without the library): the REPL's ,trace shows it.
func GoroutineIDProc(in *eval.Interp) (value.Value, error) {
	src := "(lambda () 1)"
	if Loaded(in) {
		src = "(let ((id goroutine-id) (cur current-goroutine)) (lambda () (id (cur))))"
	}
	form, err := reader.New(src, "<goroutine-id>").Read()
	if err != nil {
		return nil, err
	}
	return in.Eval(form, nil)
}
