package eval

import (
	"fmt"
	"strings"

	"contigo/value"
)

// Error is an exception that no handler caught: the raised object, the
// position it was raised at, and the backtrace read off the continuation.
type Error struct {
	Payload value.Value // the raised object
	Msg     string
	Pos     value.Pos
	Stack   []StackFrame // innermost first
	Elided  int          // frames left out of Stack in the middle
}

// StackFrame is one line of a backtrace.
type StackFrame struct {
	Name string // procedure name, "" for top level or anonymous
	Pos  value.Pos
	// Repeat counts consecutive identical frames folded into this one
	// (a recursion through the same call), 1 for a single frame.
	Repeat int
	// TailCalls is set when tail calls were made between this frame and
	// the next one out: the procedures they left are not in the trace
	// (gopher-lua's "(tailcall)"). It is never set on the last frame.
	TailCalls bool
}

func (e *Error) Error() string {
	if e.Pos.IsValid() {
		return e.Pos.String() + ": " + e.Msg
	}
	return e.Msg
}

// Unwrap returns the raised object when it is a Go error.
func (e *Error) Unwrap() error {
	if err, ok := e.Payload.(error); ok {
		return err
	}
	return nil
}

// Backtrace renders the stack, innermost first.
func (e *Error) Backtrace() string {
	if len(e.Stack) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("backtrace (innermost first):\n")
	for i, f := range e.Stack {
		if e.Elided > 0 && i == backtraceKeep {
			fmt.Fprintf(&b, "  ... %d more frames ...\n", e.Elided)
		}
		name := f.Name
		if name == "" {
			name = "<top level>"
		}
		where := name
		if f.Pos.IsValid() {
			where = name + " at " + f.Pos.String()
		}
		if f.Repeat > 1 {
			fmt.Fprintf(&b, "  %s (%d times)\n", where, f.Repeat)
		} else {
			fmt.Fprintf(&b, "  %s\n", where)
		}
		if f.TailCalls {
			b.WriteString("  (tail calls)\n")
		}
	}
	return b.String()
}

// backtraceKeep is how many frames are kept at each end of a long trace.
const backtraceKeep = 10

// uncaught builds the Error for an exception no handler caught, raised
// at at. The backtrace is read from where an error object was first
// raised (a guard may have re-raised it from elsewhere).
func uncaught(obj value.Value, at raisePoint) *Error {
	if e, ok := obj.(*value.ErrorObject); ok {
		if rp, ok := e.Trace.(*raisePoint); ok {
			at = *rp
		}
	}
	return newError(obj, at)
}

// ErrorOf returns the Error describing a raised object, with the
// backtrace of where it was raised when that is known.
func ErrorOf(obj value.Value) *Error {
	if e, ok := obj.(*value.ErrorObject); ok {
		if rp, ok := e.Trace.(*raisePoint); ok {
			return newError(obj, *rp)
		}
	}
	return newError(obj, raisePoint{})
}

// newError describes obj raised at at, with the backtrace from there.
func newError(obj value.Value, at raisePoint) *Error {
	s := at.s
	e := &Error{Payload: obj}
	switch x := obj.(type) {
	case *value.ErrorObject:
		e.Msg = x.Error()
		e.Pos = x.Pos
	default:
		e.Msg = "uncaught exception: " + value.WriteShort(obj, 200)
	}
	if !e.Pos.IsValid() && s != nil {
		e.Pos = s.pos
	}
	var head []StackFrame
	var ring [backtraceKeep]StackFrame
	extra := 0 // frames seen after head filled up
	add := func(sf StackFrame) {
		if len(head) < backtraceKeep {
			head = append(head, sf)
			return
		}
		ring[extra%backtraceKeep] = sf
		extra++
	}
	// Runs of identical frames are folded into one with a count.
	var run StackFrame
	fold := func(sf StackFrame) {
		if run.Repeat > 0 && run.Name == sf.Name && run.Pos == sf.Pos && run.TailCalls == sf.TailCalls {
			run.Repeat++
			return
		}
		if run.Repeat > 0 {
			add(run)
		}
		run = sf
		run.Repeat = 1
	}
	if s != nil {
		fold(StackFrame{Name: s.name, Pos: s.pos, TailCalls: at.calls > 1})
	}
	for f := at.k; f != nil; f = f.Next {
		name, pos := frameWhere(f)
		if isUserPos(pos) {
			fold(StackFrame{Name: name, Pos: pos, TailCalls: f.Calls > 1})
		}
	}
	if run.Repeat > 0 {
		add(run)
	}
	tail := ring[:min(extra, backtraceKeep)]
	if extra > backtraceKeep {
		e.Elided = extra - backtraceKeep
		i := extra % backtraceKeep
		tail = append(append([]StackFrame{}, ring[i:]...), ring[:i]...)
	}
	e.Stack = append(head, tail...)
	if n := len(e.Stack); n > 0 {
		// Below the outermost frame shown are only the library's, or
		// none: tail calls there are not between two frames.
		e.Stack[n-1].TailCalls = false
	}
	return e
}

func unboundError(in *Interp, name *value.Symbol) *value.ErrorObject {
	msg := "unbound variable: " + name.Name
	if name.Name == "unquote" || name.Name == "unquote-splicing" {
		// ,x or ,@x outside a quasiquote: most often a define-macro
		// body written as a template without its backquote.
		return &value.ErrorObject{Message: msg + " (a , or ,@ outside a quasiquote: a define-macro body that " +
			"builds its expansion as a template needs a backquote, as in `(if ,test ,then))"}
	}
	// An uninterned name is one eval renamed because the environment it
	// evaluates in lacks it: the program's globals are no help there.
	if !name.Interned() {
		return &value.ErrorObject{Message: msg}
	}
	if s := in.suggest(name.Name); s != "" {
		msg += " (did you mean " + s + "?)"
	}
	return &value.ErrorObject{Message: msg}
}

// suggest finds what to suggest for the unbound name (suggest.go).
func (in *Interp) suggest(name string) string {
	if s := goSuggestion(name); s != "" {
		return s
	}
	var names []string
	for sym, g := range in.allGlobals() {
		if g.Value == nil && g.Macro == nil || strings.HasPrefix(sym.Name, "%") || !sym.Interned() {
			continue
		}
		names = append(names, sym.Name)
	}
	return SuggestName(name, names)
}

// frameWhere names the procedure a frame belongs to and the position of
// what it waits for (the node's awaited) when that is a form with a
// position, else the frame's own form. A backtrace then points at
// (recv ch) in (let ((v (recv ch))) ...), not at the let.
func frameWhere(f *Frame) (string, value.Pos) {
	name, pos, _ := frameWhereLib(f)
	return name, pos
}

// frameWhereLib is frameWhere, and whether the position is the
// library's when a node's site says so (site.lib), which saves
// isLibPos's lookup at every switch of goroutines (userFrame).
func frameWhereLib(f *Frame) (name string, pos value.Pos, lib libKnown) {
	name, pos = f.Code.where()
	var sub Node
	if n, ok := f.Code.(Node); ok {
		sub = n.awaited(f)
	}
	if s, ok := sub.(interface{ siteOf() *site }); ok {
		if st := s.siteOf(); st.pos.IsValid() {
			pos = st.pos
			lib = libNo
			if st.lib {
				lib = libYes
			}
		}
	}
	return name, pos, lib
}

// libKnown is whether a position is the library's: yes, no, or not
// known without a lookup.
type libKnown uint8

const (
	libUnknown libKnown = iota
	libNo
	libYes
)
