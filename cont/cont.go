// Package cont owns the run-time structures that make contigo's
// continuations first-class and cheap: lexical environment records,
// continuation frames, wind points for dynamic-wind, and the dynamic
// state (wind point, exception handlers, parameter bindings) that a thread
// of control carries.
//
// A continuation is nothing but a pointer to the top Frame plus the
// Dynamic state current when it was captured. Frames are immutable once
// pushed, so capturing is O(1) and a continuation may be resumed any number
// of times. The evaluator supplies what a frame does when a value returns
// to it (the Code type parameter); this package never calls back into it.
package cont

import "contigo/value"

// Env is the record of one scope's variables (a lambda's parameters and
// internal definitions, or a let's bindings), linked to the enclosing
// scope. Variables are reached by (depth, index), never by name.
type Env struct {
	Up   *Env
	Vals []value.Value
	// Escaped is set when a frame holding this record was captured by a
	// continuation: the record must then never be recycled.
	Escaped bool
}

// Records are allocated together with their slots, in one allocation
// sized to the scope, for the common small scopes.
type env1 struct {
	Env
	a [1]value.Value
}
type env2 struct {
	Env
	a [2]value.Value
}
type env3 struct {
	Env
	a [3]value.Value
}
type env4 struct {
	Env
	a [4]value.Value
}

// NewEnv makes an environment record with n slots below up.
func NewEnv(up *Env, n int) *Env {
	switch n {
	case 0:
		return &Env{Up: up}
	case 1:
		e := &env1{}
		e.Up, e.Vals = up, e.a[:]
		return &e.Env
	case 2:
		e := &env2{}
		e.Up, e.Vals = up, e.a[:]
		return &e.Env
	case 3:
		e := &env3{}
		e.Up, e.Vals = up, e.a[:]
		return &e.Env
	case 4:
		e := &env4{}
		e.Up, e.Vals = up, e.a[:]
		return &e.Env
	}
	return &Env{Up: up, Vals: make([]value.Value, n)}
}

// MarkEscaped records that e can be reached from somewhere that outlives
// the scope that made it (a closure, a captured continuation), and so can
// every record e is nested in. Marking stops at a record already marked:
// its enclosing records are marked too.
func MarkEscaped(e *Env) {
	for e != nil && !e.Escaped {
		e.Escaped = true
		e = e.Up
	}
}

// EnvPool recycles environment records of up to four slots. The
// evaluator releases a record only when the procedure that owns it has
// finished and nothing can refer to it (see eval's release of records at
// tail positions).
type EnvPool struct {
	free [5]*Env // by size; linked through Up
}

// New returns a record with n slots below up, all nil.
func (p *EnvPool) New(up *Env, n int) *Env {
	if n < len(p.free) {
		if e := p.free[n]; e != nil {
			p.free[n] = e.Up
			// A stale pointer to e (a frame pushed after e's scope
			// ended) may have marked it while it was free: that mark
			// is not about the new scope, whose enclosing records it
			// would wrongly vouch for (see MarkEscaped).
			e.Up, e.Escaped = up, false
			return e
		}
	}
	return NewEnv(up, n)
}

// Recycle returns e to the pool. The caller guarantees that nothing
// refers to e any more.
func (p *EnvPool) Recycle(e *Env) {
	n := len(e.Vals)
	if n >= len(p.free) || e.Escaped {
		return
	}
	// Slot by slot: clear's call to the runtime's memclr cost more than
	// the two or three stores it does here (5% of ack's instructions).
	v := e.Vals
	switch n {
	case 4:
		v[0], v[1], v[2], v[3] = nil, nil, nil, nil
	case 3:
		v[0], v[1], v[2] = nil, nil, nil
	case 2:
		v[0], v[1] = nil, nil
	case 1:
		v[0] = nil
	default:
		clear(v)
	}
	e.Up = p.free[n]
	p.free[n] = e
}

// Frame is one pending piece of work in a continuation: when a value is
// delivered to it, Code decides what happens next, using Env and the saved
// Val and I. Next is the rest of the continuation. Depth counts frames down
// to the bottom, for the recursion limit and backtraces. Calls counts the
// procedures entered between the frame below and this one: more than one
// means tail calls left no frame there, which backtraces mark.
//
// Shared is set on a frame that a captured continuation may reach. It is
// set on the top frame at capture and handed down one frame at a time as
// frames are popped, so capture stays O(1); a frame that is popped while
// not shared is unreachable and its memory may be reused (see Pool).
type Frame[C any] struct {
	Next   *Frame[C]
	Code   C
	Env    *Env
	Val    value.Value
	I      int32
	Depth  int32
	Calls  int32
	Shared bool
}

// Pool recycles frames that were popped without being shared.
type Pool[C any] struct {
	free *Frame[C]
}

// Push returns a frame on top of next, reusing a pooled one if possible.
func (p *Pool[C]) Push(next *Frame[C], code C, env *Env, val value.Value, i, calls int32) *Frame[C] {
	d := int32(0)
	if next != nil {
		d = next.Depth + 1
	}
	f := p.free
	if f == nil {
		return &Frame[C]{Next: next, Code: code, Env: env, Val: val, I: i, Depth: d, Calls: calls}
	}
	p.free = f.Next
	// Field by field: `*f = Frame{...}` builds the frame on the stack
	// and copies it over (twice the instructions).
	f.Next, f.Code, f.Env, f.Val = next, code, env, val
	f.I, f.Depth, f.Calls, f.Shared = i, d, calls, false
	return f
}

// Pop hands the sharing of a popped frame down to the next one. It
// reports whether f itself may be recycled once its code has run.
func Pop[C any](f *Frame[C]) (recyclable bool) {
	if f.Shared {
		if f.Next != nil {
			f.Next.Shared = true
		}
		MarkEscaped(f.Env)
		return false
	}
	return true
}

// Recycle puts an unshared popped frame back in the pool, dropping its
// references so they do not keep garbage alive.
func (p *Pool[C]) Recycle(f *Frame[C]) {
	var zero C
	f.Code, f.Env, f.Val = zero, nil, nil
	f.Next = p.free
	p.free = f
}

// Push returns a new frame on top of next. It never modifies next.
func Push[C any](next *Frame[C], code C, env *Env, val value.Value, i int32) *Frame[C] {
	d := int32(0)
	if next != nil {
		d = next.Depth + 1
	}
	return &Frame[C]{Next: next, Code: code, Env: env, Val: val, I: i, Depth: d}
}
