package eval

// This file defines the machine: its registers, the dispatch loop, the
// procedure-call protocol and the raising of exceptions.

import (
	"fmt"
	"sync/atomic"
	"time"

	"contigo/cont"
	"contigo/value"
)

// Code is what a continuation frame does when a value is delivered to it.
// Nodes are their own Code: a frame that waits inside an (if ...) holds the
// if node itself, so pushing a frame allocates only the frame.
type Code interface {
	resume(m *Machine, f *Frame)
	// where names the procedure and position a frame belongs to, for
	// backtraces; control frames return "" and an invalid position.
	where() (string, value.Pos)
}

// Frame is a continuation frame of this evaluator.
type Frame = cont.Frame[Code]

// pollInterval is the most steps the loop runs before it looks at the
// interrupt flag and the timer.
const pollInterval = 4096

// clockBase is the origin of clock.
var clockBase = time.Now()

// clock returns monotonic nanoseconds since the process started.
func clock() int64 { return int64(time.Since(clockBase)) }

// Machine holds the registers of one running evaluation. Between steps,
// either node is set (evaluate it in env) or node is nil and val is to be
// delivered to the continuation k.
type Machine struct {
	in *Interp
	// nested is set in a run started while another runs: a Go function
	// calling back into Scheme, or a macro expander. Its continuation
	// ends in Go, so no goroutine may switch away from it (%nested-run?).
	nested bool
	// deferredSince is the process's CPU time (processCPU) when the
	// scheduler first put off the interrupt being handled
	// (%interrupt-later; see maxInterruptDelay), -1 if it did not;
	// deferring says the handler's last call put it off.
	deferredSince time.Duration
	deferring     bool
	node          Node
	env           *cont.Env
	val           value.Value
	k             *Frame
	dyn           *cont.Dynamic
	// thread is the running thread of control: the goroutine's record
	// the scheduler named (%call-in-continuation), nil for the main
	// program. It is the machine's, not dyn's, so that goroutines
	// started alike share one dynamic state; a capture stamps it on dyn
	// (stampedDyn).
	thread value.Value

	// calls counts the procedures entered since the top frame was
	// pushed or resumed (cont.Frame.Calls): above one, tail calls were
	// made, and backtraces say so.
	calls int32

	// stack is scratch space for argument evaluation; sp marks its used
	// part. It is always empty (sp == 0) between steps.
	stack []value.Value
	sp    int

	fuel, fuelStart int
	depthLimit      int // maxDepth, or more while a depth error is handled
	timer           int // steps left before the timer interrupt; 0 = off
	timerHandler    value.Value
	// interruptHandler, in a top-level run, is called on Ctrl-C instead
	// of halting (see %interrupt-handler).
	interruptHandler value.Value
	// deadline is when the timer interrupt fires by time (clock()
	// nanoseconds; 0 = off), for preemption by elapsed time. A Go timer
	// sets *poke when it passes (and Interrupt does, for Ctrl-C), and the
	// loop ticks after the next primitive call (polled) or within
	// pollInterval steps: counting steps alone cannot bound the time
	// when a step is a primitive over a long list.
	deadline int64
	poke     *atomic.Int32

	halted bool
	result value.Value
	err    error

	// entry is the last call from the user's code into the library, and
	// the depth of the continuation then, while that call has not
	// returned (blame.go); entryDepth is -1 when there is none.
	entry      *site
	entryDepth int32

	// leaf is the LeafCall whose body is running, leafEnv the record
	// of its caller, and leafTail whether it was called in tail
	// position, for an error in the body (leafFault).
	leaf        *LeafCall
	leafEnv     *cont.Env
	leafTail    bool
	leafRecords [2]*cont.Env // scratch records of one and two slots (leafRecord)
}

// fault is the panic value that carries a Scheme exception out of a node's
// evaluation to the loop, which raises it. Panics are used only for this
// path, so the normal path pays nothing for error checks.
type fault struct {
	obj  value.Value
	site *site
}

// site is what a node that can fail or call knows about itself.
type site struct {
	pos  value.Pos
	name string // the enclosing procedure, "" at top level
	lib  bool   // pos is in the library (blame.go)
}

// siteOf makes every node that embeds a site answer where it is.
func (s *site) siteOf() *site { return s }

func (s *site) where() (string, value.Pos) {
	if s == nil {
		return "", value.Pos{}
	}
	return s.name, s.pos
}

// errStopped is what a long primitive returns when it gave up because
// the user interrupted it: the machine then stops as at its own poll.
var errStopped = value.ErrStopped

// stopSignal unwinds a step that a long primitive gave up (errStopped):
// the machine halts with err.
type stopSignal struct{ err error }

// fail raises obj (usually an *value.ErrorObject) from the node at s.
func (m *Machine) fail(err any, s *site) {
	if err == errStopped {
		atomic.StoreInt32(&m.in.interrupted, 0)
		panic(stopSignal{m.in.interruptError()})
	}
	var obj value.Value = err
	if e, ok := err.(*value.ErrorObject); ok {
		if !e.Pos.IsValid() && s != nil {
			e.Pos = s.pos
		}
	} else if e, ok := err.(*Error); ok && e.Payload != nil {
		// An uncaught error of a nested run (a macro transformer):
		// raise the same object again here.
		obj = e.Payload
	} else if e, ok := err.(error); ok {
		eo := &value.ErrorObject{Message: e.Error()}
		if s != nil {
			eo.Pos = s.pos
		}
		obj = eo
	}
	panic(&fault{obj: obj, site: s})
}

func (m *Machine) push(code Code, val value.Value, i int32) {
	f := m.in.frames.Push(m.k, code, m.env, val, i, m.calls)
	m.calls = 0
	if int(f.Depth) > m.depthLimit {
		m.k = f.Next
		m.depthExceeded()
	}
	m.k = f
}

// pushNoCheck pushes without the depth check; the error machinery uses it
// so that reporting a too-deep recursion cannot itself fail.
func (m *Machine) pushNoCheck(code Code, val value.Value, i int32) {
	m.k = m.in.frames.Push(m.k, code, m.env, val, i, m.calls)
	m.calls = 0
}

// capture returns the current continuation's top frame for keeping in a
// continuation object, marking it shared so it is never recycled.
func (m *Machine) capture() *Frame {
	if m.k != nil {
		m.k.Shared = true
	}
	return m.k
}

// depthHeadroom is how many frames a handler of the "maximum recursion
// depth exceeded" error may push on top of the too-deep continuation
// (guard's own call/cc, say); the limit drops back once the continuation
// is shallow again.
const depthHeadroom = 100_000

func (m *Machine) depthExceeded() {
	m.depthLimit = m.in.maxDepth + depthHeadroom
	m.fail(&value.ErrorObject{
		Message: fmt.Sprintf("maximum recursion depth exceeded (%d frames)", m.in.maxDepth),
	}, m.currentSite())
}

func (m *Machine) currentSite() *site {
	if m.k != nil {
		if s, ok := m.k.Code.(interface{ siteOf() *site }); ok {
			return s.siteOf()
		}
	}
	return nil
}

// pollSite is where the loop stands when it polls: the node about to run,
// else the frame about to be resumed, for errors raised from the poll.
func (m *Machine) pollSite() *site {
	if s, ok := m.node.(interface{ siteOf() *site }); ok && s.siteOf().pos.IsValid() {
		return s.siteOf()
	}
	return m.currentSite()
}

// ret delivers v to the continuation.
func (m *Machine) ret(v value.Value) {
	m.val = v
	m.node = nil
}

// run executes until the bottom frame receives a value or the machine
// halts with an error.
func (m *Machine) run() (value.Value, error) {
	m.rearm()
	for !m.runProtected() {
	}
	return m.result, m.err
}

// runProtected runs the loop, turning a fault panic into a Scheme raise.
// It reports whether the machine has halted.
func (m *Machine) runProtected() (halted bool) {
	defer func() {
		if r := recover(); r != nil {
			m.recovered(r)
			halted = m.halted
		}
	}()
	m.loop()
	return true
}

// recovered deals with r, a panic out of a step: a fault is raised as a
// Scheme exception, a stop halts the machine, exit goes on unwinding,
// and anything else is a bug in contigo, raised as an internal error.
func (m *Machine) recovered(r any) {
	m.sp = 0
	switch f := r.(type) {
	case *fault:
		m.leafFault()
		m.raise(f.obj, false, f.site)
	case stopSignal:
		m.leaf, m.leafEnv = nil, nil
		m.halt(nil, f.err)
	case *exitSignal:
		m.leaf, m.leafEnv = nil, nil
		panic(r)
	default:
		m.leafFault()
		m.raise(internalError(r), false, m.pollSite())
	}
}

// loop is the machine's hot path: one node execution or one frame resume
// per step.
func (m *Machine) loop() {
	for {
		if n := m.node; n != nil {
			n.exec(m)
		} else {
			f := m.k
			m.k = f.Next
			m.calls = f.Calls
			if f.Depth <= m.entryDepth {
				m.forgetEntry() // the call into the library returned
			}
			if cont.Pop(f) {
				f.Code.resume(m, f)
				m.in.frames.Recycle(f)
			} else {
				f.Code.resume(m, f)
			}
		}
		m.fuel--
		if m.fuel <= 0 && m.tick() {
			return
		}
	}
}

// polled makes the loop tick at the end of this step if it was poked
// (the time slice is over, Ctrl-C). It is called after every call of a
// primitive, the only kind of step whose time is not bounded (length
// of a long list, printing, bignums): other steps take a bounded time,
// and the loop ticks every pollInterval of them anyway. Loading the
// flag on every step instead cost 1.5% of fib's instructions.
func (m *Machine) polled() {
	if m.poke.Load() != 0 {
		m.fuel = 0
	}
}

// tick runs every fuelStart steps: it notices halting, Ctrl-C and the
// timer. It reports whether the loop should stop.
func (m *Machine) tick() bool {
	if m.halted {
		return true
	}
	if m.depthLimit != m.in.maxDepth && (m.k == nil || int(m.k.Depth) < m.in.maxDepth) {
		m.depthLimit = m.in.maxDepth
	}
	if atomic.LoadInt32(&m.in.interrupted) != 0 {
		m.err = m.in.interruptError()
		atomic.StoreInt32(&m.in.interrupted, 0)
		if m.interruptHandler != nil && m.err == ErrInterrupted {
			// The scheduler decides what Ctrl-C stops: the
			// evaluation in the foreground, not whichever goroutine
			// happens to run (%halt-interrupted stops the machine).
			// Any other stop (a time limit, a signal) ends it all.
			m.rearm()
			if !m.deferring {
				m.deferredSince = -1 // a new interrupt
			}
			m.deferring = false
			m.callInterrupting(m.interruptHandler)
			return false
		}
		m.halted = true
		return true
	}
	if overLimit.Load() != 0 {
		overLimit.Store(0)
		m.fuel = m.fuelStart
		m.fail(outOfMemory(), m.pollSite())
	}
	fire := false
	if m.timer > 0 {
		m.timer = m.timerLeft()
		fire = m.timer == 0
	}
	m.poke.Store(0)
	if m.deadline != 0 && clock() >= m.deadline {
		m.deadline = 0
		fire = true
	}
	m.rearm()
	if fire && m.timerHandler != nil {
		m.timerInterrupt()
	}
	return false
}

// rearm sets the fuel for the steps until the next tick: the poll
// interval, or fewer if the step timer fires sooner.
func (m *Machine) rearm() {
	m.fuelStart = pollInterval
	if m.timer > 0 && m.timer < m.fuelStart {
		m.fuelStart = m.timer
	}
	m.fuel = m.fuelStart
}

// halt stops the machine with a result; the loop notices at the next step.
func (m *Machine) halt(v value.Value, err error) {
	m.halted = true
	m.result = v
	m.err = err
	m.fuel = 0
	m.fuelStart = 0
}

// haltCode is the bottom frame of every run.
type haltCode struct{}

func (haltCode) resume(m *Machine, f *Frame) { m.halt(m.val, nil) }
func (haltCode) where() (string, value.Pos)  { return "", value.Pos{} }

// apply calls f with args in the current continuation. args may alias the
// machine's scratch stack; everything here copies what it keeps.
func (m *Machine) apply(f value.Value, args []value.Value, s *site) {
	switch p := f.(type) {
	case *Closure:
		lam := p.lam
		if lam.lib && s != nil && !s.lib {
			m.enter(s)
		}
		m.calls++
		if lam.noScope {
			if len(args) != 0 {
				m.fail(closureArityError(lam, 0, 0, len(args), s), s)
			}
			m.env = p.env
			m.node = lam.body
			return
		}
		env := m.in.envs.New(p.env, lam.frameSize)
		if lam.rest {
			if len(args) < lam.nparams {
				m.fail(closureArityError(lam, lam.nparams, -1, len(args), s), s)
			}
			copy(env.Vals, args[:lam.nparams])
			env.Vals[lam.nparams] = value.List(args[lam.nparams:]...)
		} else {
			if len(args) != lam.nparams {
				m.fail(closureArityError(lam, lam.nparams, lam.nparams, len(args), s), s)
			}
			copy(env.Vals, args)
		}
		m.env = env
		m.node = lam.body
	case *value.Primitive:
		v, err := p.Call(args)
		m.polled()
		if err != nil {
			m.fail(err, s)
		}
		m.val = v
		m.node = nil
	case *Control:
		m.checkArity(p.Name, p.Min, p.Max, len(args), s)
		p.Fn(m, args, s)
		m.polled()
	case *Continuation:
		m.resumeContinuation(p, delivered(args))
	case *rootK:
		m.resumeRootK(p, delivered(args))
	case *RawContinuation:
		m.thread = p.dyn.Thread
		m.resumeRaw(p.Continuation, delivered(args))
	case *OneShotContinuation:
		// Not stamped (that would cost every blocked goroutine a
		// dynamic state): the thread stays the running one.
		m.resumeRaw(p.take(m, s), delivered(args))
	case *Parameter:
		if len(args) == 0 {
			m.ret(p.current(m.in, m.dyn, m.thread))
			return
		}
		m.checkArity("parameter", 0, 1, len(args), s)
		p.set(m.in, m.dyn, m.thread, args[0])
		m.ret(value.Unspecified)
	default:
		m.fail(&value.ErrorObject{
			Message:   "not a procedure: " + value.ShortText(value.WriteString(f), 60),
			Irritants: nil,
		}, s)
	}
}

// apply1 is apply with one argument, without allocating an argument slice
// when f is a closure.
func (m *Machine) apply1(f, arg value.Value, s *site) {
	if c, ok := f.(*Closure); ok && c.lam.nparams == 1 && !c.lam.rest {
		if c.lam.lib && s != nil && !s.lib {
			m.enter(s)
		}
		m.calls++
		env := m.in.envs.New(c.env, c.lam.frameSize)
		env.Vals[0] = arg
		m.env = env
		m.node = c.lam.body
		return
	}
	m.apply(f, []value.Value{arg}, s)
}

// closureArityError is the arity error of a call of lam at s. When the
// library made the call (a procedure the user handed to it, called with
// the wrong number of arguments), the user's lambda is what to fix, so
// the error is positioned there.
func closureArityError(lam *Lambda, min, max, got int, s *site) *value.ErrorObject {
	e := arityError(lam.name, min, max, got)
	if (s == nil || s.lib) && !lam.lib && lam.pos.IsValid() {
		e.Pos = lam.pos
	}
	return e
}

// checkArity fails at s unless got arguments suit the procedure name,
// which takes min to max (max < 0: any number from min).
func (m *Machine) checkArity(name string, min, max, got int, s *site) {
	if got < min || (max >= 0 && got > max) {
		m.arityFailed(name, min, max, got, s)
	}
}

func (m *Machine) arityFailed(name string, min, max, got int, s *site) {
	m.fail(arityError(name, min, max, got), s)
}

func arityError(name string, min, max, got int) *value.ErrorObject {
	return value.ArityError(name, min, max, got)
}

// internalKind is the Kind of the error that reports a Go panic in the
// interpreter itself: a bug in contigo, not in the program.
const internalKind = "internal-error"

// internalError describes the Go panic r.
func internalError(r any) *value.ErrorObject {
	return &value.ErrorObject{
		Message: fmt.Sprintf("internal error: %v (this is a bug in contigo; please report it)", r),
		Kind:    internalKind,
	}
}

// raise calls the current exception handler with obj, in the dynamic
// environment of the raise minus that handler (report 6.11). With no
// handler installed, the machine halts with an uncaught-exception error.
// An internal error is never given to the program's handlers: it stops
// the evaluation, as the bug may have left the machine inconsistent.
func (m *Machine) raise(obj value.Value, continuable bool, s *site) {
	// An exception raised in the library is raised at the user's call.
	at := raisePoint{k: m.capture(), s: s, calls: m.calls}
	if s != nil && s.lib {
		at = m.blame(s)
		s = at.s
	}
	if e, ok := obj.(*value.ErrorObject); ok && e.Kind == internalKind {
		if e.Trace == nil {
			e.Trace = &at
		}
		m.halt(nil, uncaught(obj, at))
		return
	}
	if e, ok := obj.(*value.ErrorObject); ok && e.Trace == nil {
		if !e.Pos.IsValid() || isLibPos(e.Pos) {
			e.Pos = value.Pos{}
			if s != nil {
				e.Pos = s.pos
			}
		}
		// Keep where it was raised (O(1): the frames are marked shared),
		// so a handler far away can still show the backtrace.
		e.Trace = &at
	} else if ok && !e.Pos.IsValid() && s != nil && isUserPos(s.pos) {
		// Raised again (by nursery-start in its caller, say) after it
		// was first raised where no user code was: a goroutine calling
		// a primitive the library was given. The user's call that
		// raises it again is the best place to show.
		e.Pos = s.pos
	}
	h := m.dyn.Handlers
	if h == nil {
		m.halt(nil, uncaught(obj, at))
		return
	}
	m.pushNoCheck(restoreDyn{}, m.dyn, 0)
	m.dyn = m.dyn.WithHandlers(h.Next)
	if !continuable {
		m.pushNoCheck(nonContinuable{s: s}, obj, 0)
	}
	m.apply(h.Proc, []value.Value{obj}, s)
}

// raisePoint is where an error object was first raised: the site, the
// continuation there, and how many procedures were entered since its top
// frame (Machine.calls), for the backtrace.
type raisePoint struct {
	k     *Frame
	s     *site
	calls int32
}

// restoreDyn reinstates the dynamic state saved in the frame.
type restoreDyn struct{}

func (restoreDyn) resume(m *Machine, f *Frame) {
	m.dyn = f.Val.(*cont.Dynamic)
}
func (restoreDyn) where() (string, value.Pos) { return "", value.Pos{} }

// nonContinuable raises a secondary error when a handler returns from a
// non-continuable raise.
type nonContinuable struct{ s *site }

func (c nonContinuable) resume(m *Machine, f *Frame) {
	m.env = f.Env
	m.fail(&value.ErrorObject{
		Message:   "exception handler returned from non-continuable raise of",
		Irritants: []value.Value{f.Val},
	}, c.s)
}
func (c nonContinuable) where() (string, value.Pos) { return c.s.where() }

// delivered is what a continuation called with args receives: the value,
// or several as multiple values (args is the scratch stack: copied).
func delivered(args []value.Value) value.Value {
	if len(args) == 1 {
		return args[0]
	}
	return value.Values(append([]value.Value(nil), args...))
}

// timerInterrupt calls the timer handler in the current continuation; when
// the handler returns, the interrupted step carries on.
func (m *Machine) timerInterrupt() { m.callInterrupting(m.timerHandler) }

// callInterrupting calls handler in the current continuation, between two
// steps; when it returns, the interrupted step carries on. No call of the
// user's code entered the library there: the entry remembered is
// forgotten, so that a goroutine switched out by the handler is not said
// to wait at an old call (waitSite).
func (m *Machine) callInterrupting(handler value.Value) {
	code := &interrupted{m.entry, m.entryDepth}
	m.forgetEntry()
	if m.node != nil {
		m.pushNoCheck(code, m.node, 1)
	} else {
		m.pushNoCheck(code, m.val, 0)
	}
	m.apply(handler, nil, nil)
}

// interrupted resumes the step an interrupt handler interrupted, with the
// entry into the library that the handler made the machine forget: a
// goroutine preempted inside send, then resumed, still says where the
// user's code called send when it blocks.
type interrupted struct {
	entry      *site
	entryDepth int32
}

func (c *interrupted) resume(m *Machine, f *Frame) {
	m.entry, m.entryDepth = c.entry, c.entryDepth
	m.env = f.Env
	if f.I == 1 {
		m.node = f.Val.(Node)
	} else {
		m.ret(f.Val)
	}
}
func (*interrupted) where() (string, value.Pos) { return "", value.Pos{} }
