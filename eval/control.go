package eval

// This file defines the procedures that manipulate the machine itself
// rather than compute a value: call/cc, apply, values, dynamic-wind,
// exception handlers, parameters, eval and exit. The hooks that switch
// threads, and the timer, are in switch.go.

import (
	"contigo/cont"
	"contigo/value"
)

// Control is a built-in procedure that operates on the machine: it may
// push frames, replace the continuation or tail-call another procedure.
// args may alias the scratch stack: Fn copies what it keeps.
type Control struct {
	Name string
	Min  int
	Max  int
	Fn   func(m *Machine, args []value.Value, s *site)
}

// SchemeString implements value.Opaque.
func (c *Control) SchemeString() string { return "#<procedure " + c.Name + ">" }

// Continuation is a captured continuation. Invoking it travels between
// dynamic-wind extents to its own. The thread of control (goroutine) that
// captured it is dyn.Thread (stampedDyn): it may only be resumed by the
// same thread.
// (Two words: call/cc-heavy programs make one per call.)
type Continuation struct {
	k   *Frame
	dyn *cont.Dynamic
}

// SchemeString implements value.Opaque.
func (c *Continuation) SchemeString() string { return "#<continuation>" }

// rootK is a continuation captured in the interpreter's root dynamic
// state (Interp.rootDyn: the main program outside any dynamic-wind,
// exception handler or parameterize), which is all the state it needs
// besides its frames: it is the top frame itself, seen as another type,
// so capturing it allocates nothing. (ctak, fibc and generator capture
// there; the Continuation was one of generator's five allocations per
// yield.) It behaves as a Continuation of rootDyn everywhere; the
// general-path mode (general.go) makes Continuations only, so that
// TestFastPathsAgree compares the two.
type rootK Frame

// SchemeString implements value.Opaque.
func (k *rootK) SchemeString() string { return "#<continuation>" }

// newContinuation captures the current continuation.
func (m *Machine) newContinuation() value.Value {
	f := m.capture()
	if m.dyn == m.in.rootDyn && m.thread == nil && f != nil && !m.in.general {
		return (*rootK)(f)
	}
	return &Continuation{k: f, dyn: m.stampedDyn()}
}

// resumeRootK resumes k with v: at once from a state with the root's
// wind point in the main program, as resumeContinuation does for a
// Continuation of the same wind point; else as a Continuation.
func (m *Machine) resumeRootK(k *rootK, v value.Value) {
	if root := m.in.rootDyn; m.dyn.Wind == root.Wind && m.thread == nil {
		m.k = (*Frame)(k)
		m.dyn = root
		m.ret(v)
		return
	}
	m.resumeContinuation(&Continuation{k: (*Frame)(k), dyn: m.in.rootDyn}, v)
}

// plainContinuation reports whether f is a continuation that (f v)
// resumes at once (resumePlain): not a goroutine's raw one.
func plainContinuation(f value.Value) bool {
	switch f.(type) {
	case *rootK, *Continuation:
		return true
	}
	return false
}

// resumePlain resumes f, a plainContinuation, with v.
func (m *Machine) resumePlain(f, v value.Value) {
	if k, ok := f.(*rootK); ok {
		m.resumeRootK(k, v)
		return
	}
	m.resumeContinuation(f.(*Continuation), v)
}

// asContinuation returns the continuation v is, raw or not; root is the
// dynamic state of a rootK (the interpreter's rootDyn).
func asContinuation(v value.Value, root *cont.Dynamic) (*Continuation, bool) {
	switch k := v.(type) {
	case *Continuation:
		return k, true
	case *rootK:
		return &Continuation{k: (*Frame)(k), dyn: root}, true
	case *RawContinuation:
		return &k.Continuation, true
	case *OneShotContinuation:
		return &k.Continuation, true
	}
	return nil, false
}

// Parameter is a parameter object (make-parameter).
type Parameter struct {
	value     value.Value
	converter value.Value // #f or a procedure
}

// SchemeString implements value.Opaque.
func (p *Parameter) SchemeString() string { return "#<parameter>" }

// current is p's value in dynamic state d of thread: the innermost
// binding the thread made, else the thread's private value (see set), else the
// innermost binding it inherited, else p's global value.
func (p *Parameter) current(in *Interp, d *cont.Dynamic, thread value.Value) value.Value {
	b, ok := d.Params.Lookup(p)
	if ok && b.Owner == thread {
		return b.Value
	}
	if thread != nil && in.private.n.Load() != 0 {
		if v, found := in.private.get(thread, p); found {
			return v
		}
	}
	if ok {
		return b.Value
	}
	return p.value
}

// set is (p v). A binding made by the running thread changes; the main
// program with no binding changes p's global value. A goroutine that
// inherited p (a binding of its creator, or the global value) gets a
// private value instead: parameters are inherited at go, then private,
// so a child's (p v) never changes what its parent sees.
func (p *Parameter) set(in *Interp, d *cont.Dynamic, thread, v value.Value) {
	b, ok := d.Params.Lookup(p)
	switch {
	case ok && b.Owner == thread:
		b.Value = v
	case thread != nil:
		in.private.set(thread, p, v)
	default:
		p.value = v
	}
}

func (m *Machine) resumeContinuation(c *Continuation, v value.Value) {
	if !sameThread(c.dyn.Thread, m.thread) {
		m.fail(value.Errorf("cannot resume a continuation captured in another goroutine (%s) from this one (%s)",
			threadName(c.dyn.Thread), threadName(m.thread)), m.currentSite())
	}
	if c.dyn.Wind == m.dyn.Wind {
		m.k = c.k
		m.dyn = c.dyn
		m.ret(v)
		return
	}
	out, in := cont.Path(m.dyn.Wind, c.dyn.Wind)
	steps := make([]*cont.WindPoint, 0, len(out)+len(in))
	steps = append(steps, out...)
	steps = append(steps, in...)
	plan := &travelPlan{steps: steps, nOut: len(out), target: c, v: v}
	plan.step(m, 0)
}

// travelPlan runs the after thunks of the extents being left and the
// before thunks of those being entered, one machine call each, then
// delivers the values to the target continuation.
type travelPlan struct {
	steps  []*cont.WindPoint
	nOut   int
	target *Continuation
	v      value.Value
}

func (t *travelPlan) step(m *Machine, i int) {
	for ; i < len(t.steps); i++ {
		p := t.steps[i]
		// Each thunk runs in the extent just outside its own point.
		m.dyn = m.dyn.WithWind(p.Parent)
		thunk := p.After
		if i >= t.nOut {
			thunk = p.Before
		}
		if thunk == nil {
			continue
		}
		m.pushNoCheck(travelCode{}, t, int32(i))
		m.apply(thunk, nil, nil)
		return
	}
	m.k = t.target.k
	m.dyn = t.target.dyn
	m.ret(t.v)
}

type travelCode struct{}

func (travelCode) resume(m *Machine, f *Frame) {
	t := f.Val.(*travelPlan)
	if i := int(f.I); i >= t.nOut {
		// A before thunk finished: we are now inside its extent.
		m.dyn = m.dyn.WithWind(t.steps[i])
	}
	t.step(m, int(f.I)+1)
}
func (travelCode) where() (string, value.Pos) { return "", value.Pos{} }

func callcc(m *Machine, args []value.Value, s *site) {
	f := args[0]
	m.apply1(f, m.newContinuation(), s)
}

// applyProc is (apply f arg ... list).
func applyProc(m *Machine, args []value.Value, s *site) {
	f := args[0]
	last := args[len(args)-1]
	spread, ok := value.ToSlice(last)
	if !ok {
		m.fail(listError("apply", "proper list", last), s)
	}
	all := make([]value.Value, 0, len(args)-2+len(spread))
	all = append(all, args[1:len(args)-1]...)
	all = append(all, spread...)
	m.apply(f, all, s)
}

func callWithValues(m *Machine, args []value.Value, s *site) {
	producer, consumer := args[0], args[1]
	m.push(cwvCode{s}, consumer, 0)
	m.apply(producer, nil, s)
}

type cwvCode struct{ s *site }

func (c cwvCode) resume(m *Machine, f *Frame) {
	var vals []value.Value
	if mv, ok := m.val.(*value.MultipleValues); ok {
		vals = mv.Vals
	} else {
		vals = []value.Value{m.val}
	}
	m.apply(f.Val, vals, c.s)
}
func (c cwvCode) where() (string, value.Pos) { return c.s.where() }

// dynamicWind calls before, then thunk inside a new wind point, then after.
func dynamicWind(m *Machine, args []value.Value, s *site) {
	st := &dwState{before: args[0], thunk: args[1], after: args[2], s: s}
	m.push(dwCode{}, st, 0)
	m.apply(st.before, nil, s)
}

type dwState struct {
	before, thunk, after value.Value
	s                    *site
}

type dwCode struct{}

func (dwCode) resume(m *Machine, f *Frame) {
	st := f.Val.(*dwState)
	switch f.I {
	case 0: // before returned: enter the extent and run the thunk
		point := m.dyn.Wind.Enter(st.before, st.after)
		m.dyn = m.dyn.WithWind(point)
		m.push(dwAfter{}, point, 0)
		m.apply(st.thunk, nil, st.s)
	}
}
func (dwCode) where() (string, value.Pos) { return "", value.Pos{} }

// dwAfter is pushed below the thunk: it leaves the extent and runs after,
// then returns the thunk's values.
type dwAfter struct{}

func (dwAfter) resume(m *Machine, f *Frame) {
	if f.I == 0 {
		point := f.Val.(*cont.WindPoint)
		m.dyn = m.dyn.WithWind(point.Parent)
		m.push(dwAfter{}, m.val, 1)
		m.apply(point.After, nil, nil)
		return
	}
	m.ret(f.Val)
}
func (dwAfter) where() (string, value.Pos) { return "", value.Pos{} }

func withExceptionHandler(m *Machine, args []value.Value, s *site) {
	handler, thunk := args[0], args[1]
	if !isProcedure(handler) {
		m.fail(value.TypeError("with-exception-handler", "procedure", handler), s)
	}
	m.push(restoreDyn{}, m.dyn, 0)
	m.dyn = m.dyn.WithHandlers(&cont.Handler{Proc: handler, Next: m.dyn.Handlers})
	m.apply(thunk, nil, s)
}

func raiseProc(m *Machine, args []value.Value, s *site) {
	m.raise(args[0], false, s)
}

func raiseContinuable(m *Machine, args []value.Value, s *site) {
	m.raise(args[0], true, s)
}

// withParams is (%with-params params values thunk): thunk runs with each
// parameter bound to its (already converted) value.
func withParams(m *Machine, args []value.Value, s *site) {
	ps, ok1 := value.ToSlice(args[0])
	vs, ok2 := value.ToSlice(args[1])
	if !ok1 || !ok2 || len(ps) != len(vs) {
		m.fail(value.Errorf("parameterize: malformed bindings"), s)
	}
	b := m.dyn.Params
	for i, p := range ps {
		if _, ok := p.(*Parameter); !ok {
			m.fail(value.TypeError("parameterize", "parameter object", p), s)
		}
		b = &cont.ParamBinding{Param: p, Value: vs[i], Next: b, Owner: m.thread}
	}
	m.push(restoreDyn{}, m.dyn, 0)
	m.dyn = m.dyn.WithParams(b)
	m.apply(args[2], nil, s)
}

func isProcedure(v value.Value) bool {
	switch v.(type) {
	case *Closure, *value.Primitive, *Control, *Continuation, *rootK, *RawContinuation, *OneShotContinuation, *Parameter:
		return true
	}
	return false
}

// exitStatus is the status (exit [obj]) and (emergency-exit [obj]) end
// the program with: 0 without obj or for #t, 1 for #f, a fixnum as it
// is, 0 for anything else (report 6.14: "normal exit").
func exitStatus(args []value.Value) int {
	if len(args) == 0 {
		return 0
	}
	switch v := args[0].(type) {
	case bool:
		if !v {
			return 1
		}
	case value.Fixnum:
		return int(v)
	}
	return 0
}

// exitProc is (exit [obj]): it runs the after thunks of every extent it
// is in (report 6.14), then ends the program.
func exitProc(m *Machine, args []value.Value, s *site) {
	root := m.dyn.Wind
	for root.Parent != nil {
		root = root.Parent
	}
	bottom := cont.Push[Code](nil, exitCode{}, nil, nil, int32(exitStatus(args)))
	bottom.Shared = true
	target := &Continuation{k: bottom, dyn: m.stampedDyn().WithWind(root)}
	m.resumeContinuation(target, value.Unspecified)
}

type exitCode struct{}

func (exitCode) resume(m *Machine, f *Frame) {
	m.in.Flush()
	panic(&exitSignal{code: int(f.I)})
}
func (exitCode) where() (string, value.Pos) { return "", value.Pos{} }

// emergencyExit is (emergency-exit [obj]): the program ends at once.
func emergencyExit(m *Machine, args []value.Value, s *site) {
	m.in.Flush()
	panic(&exitSignal{code: exitStatus(args)})
}

func (in *Interp) installControls() {
	for _, c := range []*Control{
		{"call-with-current-continuation", 1, 1, callcc},
		{"call/cc", 1, 1, callcc},
		{"apply", 2, -1, applyProc},
		{"map", 2, -1, mapProc},
		{"for-each", 2, -1, forEachProc},
		{"call-with-values", 2, 2, callWithValues},
		{"dynamic-wind", 3, 3, dynamicWind},
		{"with-exception-handler", 2, 2, withExceptionHandler},
		{"raise", 1, 1, raiseProc},
		{"raise-continuable", 1, 1, raiseContinuable},
		{"%with-params", 3, 3, withParams},
		{"exit", 0, 1, exitProc},
		{"emergency-exit", 0, 1, emergencyExit},
		{"%make-parameter", 2, 2, makeParameter},
		{"%parameter-converter", 1, 1, parameterConverter},
		{"eval", 1, 2, evalProc},
	} {
		in.Define(c.Name, c)
	}
}

// makeParameter is (%make-parameter value converter).
func makeParameter(m *Machine, args []value.Value, s *site) {
	m.ret(&Parameter{value: args[0], converter: args[1]})
}

// parameterConverter is (%parameter-converter p).
func parameterConverter(m *Machine, args []value.Value, s *site) {
	p, ok := args[0].(*Parameter)
	if !ok {
		m.fail(value.TypeError("parameterize", "parameter object", args[0]), s)
	}
	m.ret(p.converter)
}

// evalProc is (eval expr [env]): expr is compiled and run in the current
// continuation, so call/cc and tail calls work through it. Every
// environment specifier denotes the one global environment.
func evalProc(m *Machine, args []value.Value, s *site) {
	env := checkEvalEnvironment(m, args, s)
	c := &compiler{in: m.in, src: value.SourceMap{}, frozen: env}
	node, err := c.compileTop(env.rename(m.in, args[0]))
	if err != nil {
		m.fail(err, s)
	}
	m.env = nil
	m.node = node
}
