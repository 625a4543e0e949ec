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

// Frame is one pending piece of work in a continuation: when a value is
// delivered to it, Code decides what happens next, using Env and the saved
// Val and I. Next is the rest of the continuation. Depth counts frames down
// to the bottom, for the recursion limit and backtraces.
type Frame[C any] struct {
	Next  *Frame[C]
	Code  C
	Env   *Env
	Val   value.Value
	I     int32
	Depth int32
}

// Push returns a new frame on top of next. It never modifies next.
func Push[C any](next *Frame[C], code C, env *Env, val value.Value, i int32) *Frame[C] {
	d := int32(0)
	if next != nil {
		d = next.Depth + 1
	}
	return &Frame[C]{Next: next, Code: code, Env: env, Val: val, I: i, Depth: d}
}
