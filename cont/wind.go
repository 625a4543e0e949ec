package cont

import "contigo/value"

// WindPoint is one active dynamic-wind extent. The points form a tree;
// the current point of a thread is a leaf-to-root path through it. The
// root point (Parent nil) has no thunks.
type WindPoint struct {
	Parent        *WindPoint
	Before, After value.Value
	Depth         int
}

// NewRootWind returns a fresh root wind point, the start of a new thread's
// dynamic extent.
func NewRootWind() *WindPoint { return &WindPoint{} }

// Enter returns the point for a dynamic-wind entered from p.
func (p *WindPoint) Enter(before, after value.Value) *WindPoint {
	return &WindPoint{Parent: p, Before: before, After: after, Depth: p.Depth + 1}
}

// Path computes what travelling from one dynamic extent to another must do,
// as the report's dynamic-wind requires: the after thunks of the points
// being left, innermost first, then the before thunks of the points being
// entered, outermost first. Points in two different trees (two threads)
// have no common ancestor; callers switching threads must not travel.
func Path(from, to *WindPoint) (out, in []*WindPoint) {
	a, b := from, to
	for a != nil && b != nil && a.Depth > b.Depth {
		out = append(out, a)
		a = a.Parent
	}
	for a != nil && b != nil && b.Depth > a.Depth {
		in = append(in, b)
		b = b.Parent
	}
	for a != b && a != nil && b != nil {
		out = append(out, a)
		in = append(in, b)
		a, b = a.Parent, b.Parent
	}
	// in was collected innermost first; entering goes outermost first.
	for i, j := 0, len(in)-1; i < j; i, j = i+1, j-1 {
		in[i], in[j] = in[j], in[i]
	}
	return out, in
}

// Dynamic is the dynamic state of a thread of control: the current wind
// point, the stack of installed exception handlers (innermost first), the
// parameterize bindings, and the tag of the thread that captured it
// (nil for the main program; the evaluator lets an ordinary continuation
// be resumed only by the thread that captured it). It is immutable:
// every change makes a new record, so a continuation captures it by
// pointer, and knows its thread without a field of its own.
type Dynamic struct {
	Wind     *WindPoint
	Handlers *Handler
	Params   *ParamBinding
	// Thread is the thread of control that captured a continuation
	// with this state (eval stamps it at capture: the running thread is
	// the machine's, not the state's). Threads started with the same
	// parameter bindings share their state until one of them captures,
	// so a blocked goroutine costs no state of its own.
	Thread value.Value
	fresh  *Dynamic // cache for Fresh; not part of the state
}

// Handler is one installed exception handler.
type Handler struct {
	Proc value.Value
	Next *Handler
}

// ParamBinding binds a parameter object to a value within a parameterize.
// Owner is the thread that made it: a thread that
// inherited it reads it, but setting the parameter there gives that
// thread a private value instead (see eval's Parameter).
type ParamBinding struct {
	Param any
	Value value.Value
	Next  *ParamBinding
	Owner value.Value
}

// Lookup finds the innermost binding of param, if any.
func (b *ParamBinding) Lookup(param any) (*ParamBinding, bool) {
	for ; b != nil; b = b.Next {
		if b.Param == param {
			return b, true
		}
	}
	return nil, false
}

// WithWind returns d with the wind point replaced.
func (d *Dynamic) WithWind(w *WindPoint) *Dynamic {
	n := *d
	n.Wind = w
	return &n
}

// WithHandlers returns d with the handler stack replaced.
func (d *Dynamic) WithHandlers(h *Handler) *Dynamic {
	n := *d
	n.Handlers = h
	return &n
}

// WithThread returns d stamped with thread tag t (d itself if it
// already has that tag).
func (d *Dynamic) WithThread(t value.Value) *Dynamic {
	if d.Thread == t {
		return d
	}
	n := *d
	n.Thread = t
	return &n
}

// WithParams returns d with the parameter bindings replaced.
func (d *Dynamic) WithParams(p *ParamBinding) *Dynamic {
	n := *d
	n.Params = p
	return &n
}

// Fresh returns the dynamic state a new thread of control starts with:
// outside every dynamic-wind and with no handlers, but with the parameter
// bindings of d (a child inherits parameters, as Trio's tasks inherit
// context). Threads are switched without travelling between wind points,
// so they can all share one root; and as a Dynamic is immutable, threads
// started with the same bindings share one record (a blocked goroutine
// costs that much less). It names no thread.
func (d *Dynamic) Fresh() *Dynamic {
	if d.fresh == nil || d.fresh.Params != d.Params {
		d.fresh = &Dynamic{Wind: threadRoot, Params: d.Params}
		d.fresh.fresh = d.fresh
	}
	return d.fresh
}

// threadRoot is the root wind point of threads started by Fresh.
var threadRoot = NewRootWind()
