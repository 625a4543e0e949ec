package eval

// This file defines the hooks on which the concurrency library
// (prelude.scm, package prelude) switches goroutines: the whole contract
// between the machine and the scheduler written in Scheme.
//
// A thread of control (a goroutine, or the main program) is a
// continuation, a dynamic state (the wind point, the parameter bindings,
// the exception handlers) and the thread's tag (Machine.thread: the
// goroutine's record, nil for the main program; a capture stamps it on
// the dynamic state it keeps, cont.Dynamic's Thread). The
// scheduler switches threads by capturing the running one's
// continuation raw and resuming another's raw:
//
//   - (%call/cc-raw f) calls f with the continuation as a raw
//     continuation. Resuming it reinstates its dynamic state whole,
//     thread included, and runs no dynamic-wind thunk: a switch leaves
//     no extent of the goroutine it suspends and enters none of the one
//     it resumes (as in chibi-scheme; Guile's fibers need dynamic-wind*
//     for want of it). Only ordinary continuations (call/cc) travel
//     between extents. They belong to the thread that captured them:
//     resuming one from another thread is an error.
//   - (%call/1cc-raw f refuse arg) is %call/cc-raw for a continuation
//     that is resumed once, as a goroutine's when it blocks (Chez
//     Scheme's call/1cc): its frames are not marked shared, so once it
//     is resumed they are popped and reused as if it had never been
//     captured (no frame or environment of the goroutine's pending
//     calls is allocated anew at each switch), and it is emptied: a
//     second resume is an error. It keeps no thread tag: resuming it
//     leaves the running thread's. In a run nested in another (a Go
//     function's call back into Scheme), from which no switch may
//     leave, it calls (refuse arg) instead.
//   - (%goroutine-continuation base tag) returns the continuation a
//     goroutine started now begins in: base's frames, and a dynamic
//     state of its own, outside every dynamic-wind (the shared root of
//     threads), with the current parameter bindings (and the values the
//     creator set privately, params.go), and with one exception handler.
//     A raise that reaches that handler leaves for that continuation, as
//     an ordinary continuation does (the after thunks of the extents it
//     leaves run, with the handler still installed), and delivers
//     (tag . obj) there. Installed with with-exception-handler, the
//     handler would cost every goroutine a frame, an environment, a
//     closure, a continuation and a dynamic state; here goroutines
//     started with the same parameter bindings share them all.
//   - (%call-in-continuation k thunk [thread]) calls thunk in the raw
//     continuation k, with k's dynamic state, and no wind thunk runs: a
//     goroutine is resumed (or started) by calling the scheduler's
//     resume procedure on top of its own continuation, so what it does
//     after waking (releasing the lock, raising a cancellation) costs no
//     frame while it is blocked. With thread, it also names the thread
//     that runs from now on (#f: the main program); k's own thread is
//     not used, since goroutines start on shared continuations (and
//     share their dynamic states: a blocked goroutine keeps none of its
//     own). Without thread, k's thread runs, or, for a one-shot k, the
//     running one.
//   - (%current-dynamic-state), (%fresh-dynamic-state) and
//     (%with-dynamic-state ds thunk) take the running thread's dynamic
//     state, make one outside every extent, and run thunk in one without
//     running wind thunks (the thread stays the running one).
//
// %goroutine-continuation and %call-in-continuation exist for memory: a
// goroutine blocked on a channel keeps alive little more than its
// record, its waiter and its continuation (issue 4: at most 1 KB each,
// for 100,000 goroutines).
//
// A switch forgets the last call from the user's code into the library
// (Machine.entry, blame.go): it belonged to the goroutine left.
//
// The scheduler preempts and stops goroutines with the machine's timer
// and interrupt:
//
//   - (%set-time-slice us) makes the timer interrupt fire once us
//     microseconds from now; (set-timer n) after n evaluation steps; 0
//     turns either off. (timer-interrupt-handler f) sets the procedure
//     the machine then calls between two steps, in the continuation of
//     whatever runs: the scheduler's preempts the running goroutine.
//   - (%interrupt-handler proc) makes Ctrl-C (Interp.Interrupt) call proc
//     between two steps of a top-level run instead of stopping it, so
//     that the scheduler stops the foreground evaluation, not whichever
//     goroutine runs; #f restores stopping. (%halt-interrupted) then
//     stops the machine as Ctrl-C does, and (%interrupt-later) makes the
//     machine see Ctrl-C again at its next step (the scheduler was in a
//     critical section).
//   - (%nested-run?) tells whether the current run is nested in another
//     (a Go function's call back into Scheme): no goroutine may block in
//     it.
//   - (%origin proc) says where a goroutine was created, for reports
//     (builtins_sched.go): a hook, since for a primitive it is the user's
//     call into the library, which only the machine knows.

import (
	"time"

	"contigo/cont"
	"contigo/value"
)

// installSchedControls defines the hooks described above.
func (in *Interp) installSchedControls() {
	bases := &goroutineBases{}
	for _, c := range []*Control{
		{"%call/cc-raw", 1, 1, callccRaw},
		{"%call/1cc-raw", 3, 3, callOneShotRaw},
		{"%goroutine-continuation", 2, 2, bases.continuation},
		{"%call-in-continuation", 2, 3, callInContinuation},
		{"%current-dynamic-state", 0, 0, currentDynamicState},
		{"%fresh-dynamic-state", 0, 0, freshDynamicState},
		{"%with-dynamic-state", 2, 2, withDynamicState},
		{"%set-time-slice", 1, 1, setTimeSlice},
		{"set-timer", 1, 1, setTimer},
		{"timer-interrupt-handler", 0, 1, timerInterruptHandler},
		{"%interrupt-handler", 1, 1, setInterruptHandler},
		{"%halt-interrupted", 0, 0, haltInterrupted},
		{"%interrupt-later", 0, 0, interruptLater},
		{"%nested-run?", 0, 0, nestedRun},
		{"%origin", 1, 1, origin},
	} {
		in.Define(c.Name, c)
	}
}

// RawContinuation is a continuation captured by %call/cc-raw: invoking
// it reinstates its dynamic state, thread included, without running any
// wind thunks. wait is where the user's code waits when no frame of it
// says so (waitSite), found as it is captured: keeping instead what it
// is found from (the entry and its depth) would cost every blocked
// goroutine 8 bytes more (a 32-byte object instead of 24).
type RawContinuation struct {
	Continuation
	wait *site
}

// SchemeString implements value.Opaque.
func (c *RawContinuation) SchemeString() string { return "#<thread-continuation>" }

func callccRaw(m *Machine, args []value.Value, s *site) {
	k := &RawContinuation{Continuation{k: m.capture(), dyn: m.stampedDyn()}, waitSite(m.k, m.entry, m.entryDepth)}
	m.apply1(args[0], k, s)
}

// OneShotContinuation is a raw continuation that may be resumed once
// (%call/1cc-raw). A type of its own, not a flag: a flag would make
// every blocked goroutine's continuation a 32-byte object instead of 24.
type OneShotContinuation struct{ RawContinuation }

// callOneShotRaw is (%call/1cc-raw f refuse arg). Its frames are left
// unshared: until it is resumed nothing runs on them (the machine runs
// other threads' frames), and after, nothing else reaches them, since it
// is emptied (take).
func callOneShotRaw(m *Machine, args []value.Value, s *site) {
	if m.nested {
		// Checked here rather than by a call of %nested-run? before
		// each switch: that call cost ping-pong 2% of its time.
		m.apply1(args[1], args[2], s)
		return
	}
	k := &OneShotContinuation{RawContinuation{Continuation{k: m.k, dyn: m.dyn}, waitSite(m.k, m.entry, m.entryDepth)}}
	m.apply1(args[0], k, s)
}

// take returns what c resumes, and empties c: a goroutine's stale
// continuation (read by a listing while it runs) then shows no frames,
// rather than frames since reused. Resuming it again is an error.
func (c *OneShotContinuation) take(m *Machine, s *site) Continuation {
	if c.k == nil {
		m.fail(value.Errorf("a one-shot continuation (%%call/1cc-raw) resumed a second time"), s)
	}
	k := c.Continuation
	c.k, c.wait = nil, nil
	return k
}

// resumeRaw delivers v to a raw continuation: a switch of threads.
func (m *Machine) resumeRaw(c Continuation, v value.Value) {
	m.k = c.k
	m.dyn = c.dyn
	m.forgetEntry()
	m.ret(v)
}

// goroutineBases is the state of %goroutine-continuation: the
// continuation it made last, and what it was made from, which the next
// goroutine started with the same parameter bindings shares.
type goroutineBases struct {
	params *cont.ParamBinding
	base   *Continuation
	tag    value.Value
	k      *RawContinuation
}

// continuation is (%goroutine-continuation base tag).
func (b *goroutineBases) continuation(m *Machine, args []value.Value, s *site) {
	base, ok := asContinuation(args[0], m.in.rootDyn)
	if !ok {
		m.fail(value.TypeError("%goroutine-continuation", "continuation", args[0]), s)
	}
	tag := args[1]
	// The values the creator set privately are inherited too.
	params := m.in.private.inherit(m.thread, m.dyn.Params)
	if b.k == nil || b.params != params || *b.base != *base || b.tag != tag {
		d := &cont.Dynamic{Wind: m.dyn.Fresh().Wind, Params: params}
		var h *Control
		h = &Control{"%goroutine-base-handler", 1, 1, func(m *Machine, args []value.Value, s *site) {
			m.dyn = m.dyn.WithHandlers(&cont.Handler{Proc: h, Next: m.dyn.Handlers})
			// An ordinary continuation, of the raising goroutine: the
			// after thunks run.
			escape := &Continuation{k: base.k, dyn: d.WithThread(m.thread)}
			m.resumeContinuation(escape, &value.Pair{Car: tag, Cdr: args[0]})
		}}
		d.Handlers = &cont.Handler{Proc: h}
		b.params, b.base, b.tag = params, base, tag
		b.k = &RawContinuation{Continuation: Continuation{k: base.k, dyn: d}}
	}
	m.ret(b.k)
}

// callInContinuation is (%call-in-continuation k thunk [thread]).
func callInContinuation(m *Machine, args []value.Value, s *site) {
	var k Continuation
	if o, one := args[0].(*OneShotContinuation); one {
		k = o.take(m, s)
	} else if c, ok := asContinuation(args[0], m.in.rootDyn); ok {
		k = *c
	} else {
		m.fail(value.TypeError("%call-in-continuation", "continuation", args[0]), s)
	}
	m.k = k.k
	m.dyn = k.dyn
	m.forgetEntry() // another goroutine's (see resumeRaw)
	if len(args) == 3 {
		m.thread = threadTag(args[2])
	} else if _, one := args[0].(*OneShotContinuation); !one {
		m.thread = k.dyn.Thread
	}
	m.apply(args[1], nil, s)
}

// DynamicState is a thread's dynamic state as a Scheme value.
type DynamicState struct{ d *cont.Dynamic }

// SchemeString implements value.Opaque.
func (d *DynamicState) SchemeString() string { return "#<dynamic-state>" }

func currentDynamicState(m *Machine, args []value.Value, s *site) {
	m.ret(&DynamicState{m.dyn})
}

func freshDynamicState(m *Machine, args []value.Value, s *site) {
	m.ret(&DynamicState{m.dyn.Fresh()})
}

// withDynamicState is (%with-dynamic-state ds thunk): thunk runs with the
// given dynamic state, installed without running any wind thunks; the
// previous state comes back when it returns.
func withDynamicState(m *Machine, args []value.Value, s *site) {
	ds, ok := args[0].(*DynamicState)
	if !ok {
		m.fail(value.TypeError("%with-dynamic-state", "dynamic state", args[0]), s)
	}
	m.push(restoreDyn{}, m.dyn, 0)
	// The state of another thread, perhaps: this one goes on running
	// (m.thread stays).
	m.dyn = ds.d
	m.apply(args[1], nil, s)
}

// threadTag is the tag a thread-naming hook was given: #f (the main
// program) is nil.
func threadTag(v value.Value) value.Value {
	if b, ok := v.(bool); ok && !b {
		return nil
	}
	return v
}

// threadName describes a thread tag for error messages: the main
// program's is #f.
func threadName(t value.Value) string {
	if t == nil || t == value.Value(false) {
		return "the main program"
	}
	return value.WriteString(t)
}

// setTimeSlice is (%set-time-slice us). The scheduler preempts by time,
// since a step-counting timer lets a goroutine whose steps are slow
// primitives (length of a long list, say) keep the processor for
// seconds. It returns the microseconds that were left (0 if none were).
func setTimeSlice(m *Machine, args []value.Value, s *site) {
	us, ok := args[0].(value.Fixnum)
	if !ok || us < 0 {
		m.fail(value.TypeError("%set-time-slice", "non-negative fixnum", args[0]), s)
	}
	now := clock()
	left := int64(0)
	if m.deadline != 0 {
		left = max(0, (m.deadline-now)/1000)
	}
	m.deadline = 0
	if us > 0 {
		m.deadline = now + int64(us)*1000
		d := time.Duration(us) * time.Microsecond
		if m.in.sliceTimer == nil {
			in := m.in
			m.in.sliceTimer = time.AfterFunc(d, func() { in.poke.Store(1) })
		} else {
			m.in.sliceTimer.Reset(d)
		}
	}
	m.ret(value.Int(left))
}

// setTimer is (set-timer n): the timer interrupt fires after n more steps
// (0 turns it off). It returns the steps that were left.
func setTimer(m *Machine, args []value.Value, s *site) {
	n, err := value.IntegerToInt(args[0], "set-timer")
	if err != nil || n < 0 {
		m.fail(value.TypeError("set-timer", "non-negative exact integer", args[0]), s)
	}
	left := m.timerLeft()
	m.timer = n
	m.rearm()
	m.ret(value.Int(int64(left)))
}

// timerLeft is the number of steps left before the step timer fires: 0
// if it is off or due.
func (m *Machine) timerLeft() int {
	if m.timer <= 0 {
		return 0
	}
	return max(m.timer-(m.fuelStart-m.fuel), 0)
}

// timerInterruptHandler is (timer-interrupt-handler [f]): it returns the
// handler (#f if none) and, given f, sets it (#f: none).
func timerInterruptHandler(m *Machine, args []value.Value, s *site) {
	old := m.timerHandler
	if old == nil {
		old = false
	}
	if len(args) == 1 {
		h, ok := handlerArg(args[0])
		if !ok {
			m.fail(value.TypeError("timer-interrupt-handler", "procedure or #f", args[0]), s)
		}
		m.timerHandler = h
	}
	m.ret(old)
}

// setInterruptHandler is (%interrupt-handler proc).
func setInterruptHandler(m *Machine, args []value.Value, s *site) {
	h, ok := handlerArg(args[0])
	if !ok {
		m.fail(value.TypeError("%interrupt-handler", "procedure or #f", args[0]), s)
	}
	m.in.interruptHandler, m.interruptHandler = h, h
	m.ret(value.Unspecified)
}

// handlerArg is the handler a hook was given: a procedure, or #f for
// none (nil). ok is false for anything else.
func handlerArg(v value.Value) (h value.Value, ok bool) {
	if b, isBool := v.(bool); isBool && !b {
		return nil, true
	}
	return v, isProcedure(v)
}

func haltInterrupted(m *Machine, args []value.Value, s *site) {
	m.deferredSince = -1
	m.halt(nil, m.in.interruptError())
}

// maxInterruptDelay bounds how long the scheduler may put off Ctrl-C: a
// critical section lasts a few steps, so an interrupt still put off
// after it means the library itself loops with its lock held, and Ctrl-C
// must work all the same. It is CPU time: on a loaded machine the
// process may wait seconds for a processor inside a critical section,
// and Ctrl-C must not then halt whichever goroutine happens to run.
const maxInterruptDelay = 2 * time.Second

// cpuClock is processCPU; tests replace it.
var cpuClock = processCPU

// interruptOverdue reports whether the interrupt being put off has been
// put off for longer than maxInterruptDelay, starting the count at its
// first deferral.
func (m *Machine) interruptOverdue() bool {
	now := cpuClock()
	if m.deferredSince < 0 {
		m.deferredSince = now
		return false
	}
	return now-m.deferredSince > maxInterruptDelay
}

// nestedRun is (%nested-run?): whether this run was started inside
// another, by a Go function calling back into Scheme or by a macro
// expander. Its continuation ends in Go, not in the goroutine's own
// frames, so the scheduler must not switch away from it: a blocking
// operation there is an error, as a yield across a C call is in Lua.
func nestedRun(m *Machine, args []value.Value, s *site) { m.ret(m.nested) }

func interruptLater(m *Machine, args []value.Value, s *site) {
	if m.interruptOverdue() {
		haltInterrupted(m, args, s)
		return
	}
	m.deferring = true
	m.in.Stop(m.in.interruptError())
	m.ret(value.Unspecified)
}

// stampedDyn returns the dynamic state a continuation captured now
// keeps: the running one, stamped with the running thread, which
// resuming it checks. It becomes the running state, so later captures
// in the same extent allocate nothing.
func (m *Machine) stampedDyn() *cont.Dynamic {
	if m.thread == nil && m.dyn.Thread == nil { // the main program's
		return m.dyn
	}
	return m.stampedDynOfGoroutine()
}

// stampedDynOfGoroutine is stampedDyn in a goroutine, kept out of the
// captures' code.
//
//go:noinline
func (m *Machine) stampedDynOfGoroutine() *cont.Dynamic {
	if !sameThread(m.dyn.Thread, m.thread) {
		m.dyn = m.dyn.WithThread(m.thread)
	}
	return m.dyn
}

// sameThread compares thread tags. Comparing two interfaces calls into
// the runtime whenever their types agree, nil ones included; the main
// program's tag, nil, is compared without: call/cc-heavy programs
// compare at every capture and resume (ctak: 1% of its instructions).
func sameThread(a, b value.Value) bool {
	if a == nil {
		return b == nil
	}
	return a == b
}
