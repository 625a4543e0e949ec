// Package timeline draws what the scheduler did: from the events of the
// scheduler trace (prelude.scm's %trace: spawn, block, yield, wake,
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
func Record(in *eval.Interp) error {
	rec, ok := in.Lookup("%trace-record!")
	if !ok {
		return fmt.Errorf("the prelude has no %%trace-record!")
	}
	_, err := in.Apply(rec, []value.Value{true})
	return err
}

// Collect returns the events recorded since Record, oldest first.
func Collect(in *eval.Interp) ([]Event, error) {
	log, ok := in.Lookup("%trace-log")
	if !ok {
		return nil, fmt.Errorf("the prelude has no %%trace-log")
	}
	items, ok := value.ToSlice(log)
	if !ok {
		return nil, fmt.Errorf("%%trace-log is not a list (was Record called?)")
	}
	events := make([]Event, len(items))
	for i, item := range items {
		e, err := decode(item)
		if err != nil {
			return nil, err
		}
		events[len(items)-1-i] = e // the log is newest first
	}
	return events, nil
}

// Read collects the recorded events and lays them out. The timeline
// says how many events were left out past the prelude's %trace-limit.
func Read(in *eval.Interp) (*Timeline, error) {
	events, err := Collect(in)
	if err != nil {
		return nil, err
	}
	t := Build(events)
	if v, ok := in.Lookup("%trace-left-out"); ok {
		if n, ok := v.(value.Fixnum); ok {
			t.LeftOut = int(n)
		}
	}
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
