// Package timeline draws what the scheduler did: from the events of the
// scheduler trace (prelude.TraceEvents: spawn, block, yield, wake,
// switch, preempt, cancel, exit, deadlock), one lane per goroutine over
// the course of the run, with its states (running, runnable, blocked and
// on what, done), arrows from the goroutine that woke another (a send, a
// receive, a close) to where the woken one resumed, nurseries as brackets
// around their children, and the deadlock point. Every segment and arrow
// carries a tooltip with the event and its source position.
//
// The same code draws the timeline of contigo --trace-html (a
// self-contained HTML file) and of the course pages in the browser (the
// WebAssembly build calls it).
//
// This file defines the events and how they are recorded in and read
// back from an interpreter.
package timeline

import (
	"fmt"
	"strings"

	"contigo/eval"
	"contigo/prelude"
	"contigo/value"
)

// Event is one event of the scheduler trace.
type Event struct {
	// Micros is the time since the trace began, in microseconds.
	Micros int64
	// Where is the position in the user's code, "file:line:col", or "".
	Where string
	// Nursery and Opener are, for a spawn, the number of the nursery
	// the goroutine joins and of the goroutine that opened it (0 for
	// the root nursery).
	Nursery, Opener int
	// Kind is the event ("spawn", "block", ...), Args the rest of its
	// items as the trace prints them ("2", "by", "1").
	Kind string
	Args []string
}

// String is the event as the text trace shows it, without the time.
func (e Event) String() string {
	s := strings.TrimSpace(e.Kind + " " + strings.Join(e.Args, " "))
	if e.Where != "" {
		s += " at " + e.Where
	}
	return s
}

// Record makes in record the scheduler's events from now on (in addition
// to printing them if (trace-scheduler #t) is on).
func Record(in *eval.Interp) error { return prelude.RecordTrace(in, true) }

// Collect returns the events recorded since Record, oldest first, and
// how many were left out past the library's limit on a recording.
func Collect(in *eval.Interp) (events []Event, leftOut int, err error) {
	items, leftOut, err := prelude.TraceEvents(in)
	if err != nil {
		return nil, 0, err
	}
	events = make([]Event, len(items))
	for i, item := range items {
		if events[i], err = decode(item); err != nil {
			return nil, 0, err
		}
	}
	return events, leftOut, nil
}

// Read collects the recorded events and lays them out.
func Read(in *eval.Interp) (*Timeline, error) {
	events, leftOut, err := Collect(in)
	if err != nil {
		return nil, err
	}
	t := Build(events)
	t.LeftOut = leftOut
	return t, nil
}

// decode reads one recorded event: #(micros where nursery opener kind
// item ...).
func decode(v value.Value) (Event, error) {
	vec, ok := v.(*value.Vector)
	if !ok || len(vec.Items) < 5 {
		return Event{}, fmt.Errorf("bad trace event %s", value.WriteString(v))
	}
	f := vec.Items
	var e Event
	if n, ok := f[0].(value.Fixnum); ok {
		e.Micros = int64(n)
	}
	if s, ok := f[1].(*value.String); ok {
		e.Where = s.String()
	}
	if n, ok := f[2].(value.Fixnum); ok {
		e.Nursery = int(n)
	}
	if n, ok := f[3].(value.Fixnum); ok {
		e.Opener = int(n)
	}
	for i, x := range f[4:] {
		s, ok := x.(*value.String)
		if !ok {
			return Event{}, fmt.Errorf("bad trace event %s", value.WriteString(v))
		}
		if i == 0 {
			e.Kind = s.String()
		} else {
			e.Args = append(e.Args, s.String())
		}
	}
	return e, nil
}
