package eval

// This file defines the compiled tree: each node either evaluates at once
// without needing the continuation (evalNow returns ok) or executes as a
// machine step (exec), pushing a frame for every subexpression that is not
// in tail position and cannot be evaluated at once.

import (
	"contigo/cont"
	"contigo/value"
)

// Node is a compiled expression. Besides running, a node answers the
// questions the compiler and the error reporter ask of it. nodeBase gives
// the conservative answer to each, so a new kind of node is correct
// (slower or less precise, never wrong) until it says otherwise.
type Node interface {
	// exec performs one machine step: it either leaves a value in m.val
	// (m.node = nil) or sets m.node/m.env to the next thing to evaluate.
	exec(m *Machine)
	// evalNow computes the value at once when the node needs no frames
	// (constants, variables, lambda, calls of primitives on such); it
	// reports false, having done nothing, when the node must be exec'd.
	evalNow(m *Machine) (value.Value, bool)
	// immediate reports whether evalNow succeeds (as compiled: a PrimCall
	// demoted later says false from then on, see assumption).
	immediate() bool
	// pure reports whether evaluating the node has no effect and cannot
	// fail, so that a direct call may look at it before its operands.
	pure() bool
	// tails arranges for the node, in tail position of a scope, to
	// recycle levels environment records when it finishes (see
	// markTails). It returns the node to put in its place, or nil to
	// keep the node as it is.
	tails(levels int) Node
	// awaited is the subexpression a frame of this node (f.Code) waits
	// for the value of, or nil: backtraces point at it (frameWhere).
	awaited(f *Frame) Node
}

// nodeBase gives the safe answers: not immediate, not pure, nothing
// recycled at a tail position, a frame pointing at the node itself.
type nodeBase struct{}

func (nodeBase) immediate() bool     { return false }
func (nodeBase) pure() bool          { return false }
func (nodeBase) tails(int) Node      { return nil }
func (nodeBase) awaited(*Frame) Node { return nil }

// stepNode is the base of nodes that always run as a machine step.
type stepNode struct{ nodeBase }

func (stepNode) evalNow(*Machine) (value.Value, bool) { return nil, false }

// valueNode is the base of nodes whose evalNow always succeeds and which
// have no effect: constants and variables that cannot be unbound.
type valueNode struct{ nodeBase }

func (valueNode) immediate() bool { return true }
func (valueNode) pure() bool      { return true }

// Const is a literal.
type Const struct {
	v value.Value
	valueNode
}

func (n *Const) exec(m *Machine)                      { m.ret(n.v) }
func (n *Const) evalNow(*Machine) (value.Value, bool) { return n.v, true }
func (n *Const) tails(levels int) Node                { return tailValue(n, levels) }

// unassigned marks a letrec/internal-define slot not yet initialised.
type unassignedT struct{}

var unassigned = &unassignedT{}

// Local0 reads a variable of the innermost scope.
type Local0 struct {
	i int
	valueNode
}

func (n *Local0) exec(m *Machine)                        { m.ret(m.env.Vals[n.i]) }
func (n *Local0) evalNow(m *Machine) (value.Value, bool) { return m.env.Vals[n.i], true }
func (n *Local0) tails(levels int) Node                  { return tailValue(n, levels) }

// Local1 reads a variable of the scope one out.
type Local1 struct {
	i int
	valueNode
}

func (n *Local1) exec(m *Machine)                        { m.ret(m.env.Up.Vals[n.i]) }
func (n *Local1) evalNow(m *Machine) (value.Value, bool) { return m.env.Up.Vals[n.i], true }
func (n *Local1) tails(levels int) Node                  { return tailValue(n, levels) }

// Local2 reads a variable of the scope two out: a named let's loop
// variables from a lambda inside its body, the variables of a procedure
// from a call/cc inside a let. (LocalN's loop was 3.3% of generator's
// instructions.)
type Local2 struct {
	i int
	valueNode
}

func (n *Local2) exec(m *Machine)                        { m.ret(m.env.Up.Up.Vals[n.i]) }
func (n *Local2) evalNow(m *Machine) (value.Value, bool) { return m.env.Up.Up.Vals[n.i], true }
func (n *Local2) tails(levels int) Node                  { return tailValue(n, levels) }

// LocalN reads a variable depth scopes out.
type LocalN struct {
	depth, i int
	valueNode
}

func (n *LocalN) get(m *Machine) value.Value {
	e := m.env
	for d := n.depth; d > 0; d-- {
		e = e.Up
	}
	return e.Vals[n.i]
}
func (n *LocalN) exec(m *Machine)                        { m.ret(n.get(m)) }
func (n *LocalN) evalNow(m *Machine) (value.Value, bool) { return n.get(m), true }
func (n *LocalN) tails(levels int) Node                  { return tailValue(n, levels) }

// LocalChecked reads a letrec-bound variable, which may be used before it
// is initialised.
type LocalChecked struct {
	depth, i int
	name     *value.Symbol
	site
	nodeBase
}

func (n *LocalChecked) get(m *Machine) value.Value {
	e := m.env
	for d := n.depth; d > 0; d-- {
		e = e.Up
	}
	v := e.Vals[n.i]
	if v == nil || v == value.Value(unassigned) {
		m.fail(value.Errorf("variable %s used before its definition", n.name.Name), &n.site)
	}
	return v
}
func (n *LocalChecked) exec(m *Machine)                        { m.ret(n.get(m)) }
func (n *LocalChecked) evalNow(m *Machine) (value.Value, bool) { return n.get(m), true }
func (n *LocalChecked) immediate() bool                        { return true }
func (n *LocalChecked) tails(levels int) Node                  { return tailValue(n, levels) }

// Global is a top-level variable's cell. Compiled references hold the
// cell, so a global is reached without a lookup by name.
type Global struct {
	Name  *value.Symbol
	Value value.Value // nil while unbound
	Macro *Macro      // set when the name is bound to a define-macro
	// assumptions are the bets compiled code made on the cell's value.
	assumptions []assumption
	// watch is set on the cell of a special form's name: binding it
	// changes what the compiler makes of the name (lazy.go).
	watch *Interp
}

// An assumption is a bet that compiled code made on what a global holds,
// to run faster while it holds: a PrimCall bets its operator is a
// primitive, a CallCC that call/cc is the built-in. The global keeps the
// bets made on it (rely); when it is assigned a value a bet does not
// hold for, the code is told, and runs its general path from then on.
type assumption interface {
	holds(v value.Value) bool
	broken()
}

// rely records that compiled code bets a on g's value.
func (g *Global) rely(a assumption) { g.assumptions = append(g.assumptions, a) }

// set assigns the cell, breaking the bets on it that v does not hold for.
// The common case, a cell nobody watches or bets on (a counter, the
// scheduler's state), is small enough to inline: the call cost as much
// as the rest of a set!.
func (g *Global) set(v value.Value) {
	if g.watch == nil && len(g.assumptions) == 0 {
		g.Value = v
		return
	}
	g.setWatched(v)
}

// setWatched is set for a cell with a watch or bets on it.
func (g *Global) setWatched(v value.Value) {
	if g.watch != nil && v != nil && g.Value == nil {
		g.watch.syntaxChange(g, false)
	}
	g.Value = v
	if len(g.assumptions) == 0 {
		return
	}
	kept := g.assumptions[:0]
	for _, a := range g.assumptions {
		if a.holds(v) {
			kept = append(kept, a)
		} else {
			a.broken()
		}
	}
	clear(g.assumptions[len(kept):])
	g.assumptions = kept
}

// GlobalRef reads a global variable.
type GlobalRef struct {
	g *Global
	site
	// letInit marks a reference in the init of a let that binds the
	// same name: if it is unbound, the let was meant to be a let*.
	letInit bool
	nodeBase
}

func (n *GlobalRef) get(m *Machine) value.Value {
	v := n.g.Value
	if v == nil {
		if n.letInit {
			m.fail(&value.ErrorObject{Message: "unbound variable: " + n.g.Name.Name + " (the let around this " +
				"binds " + n.g.Name.Name + ", but a let's inits cannot see its variables: use let*)"}, &n.site)
		}
		m.fail(unboundError(m.in, n.g.Name), &n.site)
	}
	return v
}
func (n *GlobalRef) exec(m *Machine)                        { m.ret(n.get(m)) }
func (n *GlobalRef) evalNow(m *Machine) (value.Value, bool) { return n.get(m), true }
func (n *GlobalRef) immediate() bool                        { return true }
func (n *GlobalRef) tails(levels int) Node                  { return tailValue(n, levels) }

// Lambda creates a closure.
type Lambda struct {
	// noScope is set on a thunk whose body runs in the closure's own
	// environment (it has no parameters and defines nothing).
	noScope   bool
	nparams   int
	rest      bool
	frameSize int // parameters, rest list and internal definitions
	body      Node
	name      string
	site
	// origin caches the description (%origin) of where it is written.
	origin value.Value
	// closed, if not nil, is the one closure every evaluation of a
	// lambda nested in a scope gives when its body refers to no
	// variable of an enclosing scope: it needs no environment, so
	// making it allocates nothing and does not keep the enclosing
	// record from being recycled ((map (lambda (a) ...) l) in deriv).
	// R7RS leaves eqv? on two evaluations of one lambda unspecified;
	// Chez and Gambit's compiler share such closures too.
	closed *Closure
	nodeBase
}

// Closure is a procedure written in Scheme.
type Closure struct {
	lam *Lambda
	env *cont.Env
}

// SchemeString implements value.Opaque.
func (c *Closure) SchemeString() string {
	if c.lam.name == "" {
		return "#<procedure>"
	}
	return "#<procedure " + c.lam.name + ">"
}

// Name returns the procedure's name, or "".
func (c *Closure) Name() string { return c.lam.name }

func (n *Lambda) exec(m *Machine) { v, _ := n.evalNow(m); m.ret(v) }

// A lambda expression is immediate and pure: making the closure marks
// the record escaped, which only forgoes recycling it.
func (n *Lambda) immediate() bool { return true }
func (n *Lambda) pure() bool      { return true }
func (n *Lambda) evalNow(m *Machine) (value.Value, bool) {
	if n.closed != nil {
		return n.closed, true
	}
	// The closure keeps the record alive: it must never be recycled.
	cont.MarkEscaped(m.env)
	return &Closure{n, m.env}, true
}

// TailValue evaluates an expression that may evaluate at once, in tail
// position of a scope (see markTails), and then recycles the scope's
// environment record and levels-1 enclosing ones, unless they have
// escaped. If the expression needs a step after all, it runs as itself
// and nothing is recycled.
type TailValue struct {
	inner  Node
	levels int
	stepNode
}

// tailValue is what the tails of a node that may evaluate at once gives.
func tailValue(n Node, levels int) Node { return &TailValue{inner: n, levels: levels} }

func (n *TailValue) exec(m *Machine) {
	v, ok := n.inner.evalNow(m)
	if !ok {
		n.inner.exec(m)
		return
	}
	m.releaseEnvs(n.levels)
	m.ret(v)
}
func (n *TailValue) tails(levels int) Node { n.levels = levels; return n }

// releaseEnvs recycles the current environment record and levels-1 of
// the records it is nested in. It is called where the scopes that own
// them have finished. m.env becomes the innermost record kept, so that
// nothing that saves m.env before it is next replaced (a frame pushed by
// the timer interrupt or by a control primitive) holds a recycled one.
func (m *Machine) releaseEnvs(levels int) {
	e := m.env
	for ; levels > 0 && e != nil && !e.Escaped; levels-- {
		up := e.Up
		m.in.envs.Recycle(e)
		e = up
	}
	m.env = e
}

// If is a conditional.
type If struct {
	test, then, els Node
	site
	stepNode
}

func (n *If) exec(m *Machine) {
	v, ok := n.test.evalNow(m)
	if !ok {
		m.push(n, nil, 0)
		m.node = n.test
		return
	}
	// The branch runs in this same step: it is in tail position, and
	// its nesting is bounded by the source, not by the run.
	if value.Truthy(v) {
		n.then.exec(m)
	} else {
		n.els.exec(m)
	}
}
func (n *If) resume(m *Machine, f *Frame) {
	m.env = f.Env
	if value.Truthy(m.val) {
		n.then.exec(m)
	} else {
		n.els.exec(m)
	}
}
func (n *If) awaited(*Frame) Node { return n.test }
func (n *If) tails(levels int) Node {
	n.then = markTails(n.then, levels)
	n.els = markTails(n.els, levels)
	return nil
}

// Seq evaluates a body in order; the last expression is in tail position.
type Seq struct {
	body []Node
	site
	stepNode
}

func (n *Seq) exec(m *Machine) { n.from(m, 0) }
func (n *Seq) from(m *Machine, i int) {
	last := len(n.body) - 1
	for ; i < last; i++ {
		s := n.body[i]
		if g, ok := s.(*If); ok {
			// A statement (if test ...) whose test needs no step (the
			// prelude's guards: (if %trace? (%trace ...)), a checkpoint)
			// takes its branch here, and a branch that needs no step
			// either costs no frame: its value is dropped anyway. Else
			// only the branch is left to run, in the frame below.
			v, ok := g.test.evalNow(m)
			if !ok {
				m.push(n, nil, int32(i))
				m.node = s
				return
			}
			if s = g.els; value.Truthy(v) {
				s = g.then
			}
		}
		if _, ok := s.evalNow(m); !ok {
			m.push(n, nil, int32(i))
			m.node = s
			return
		}
	}
	n.body[last].exec(m)
}
func (n *Seq) resume(m *Machine, f *Frame) {
	m.env = f.Env
	n.from(m, int(f.I)+1)
}
func (n *Seq) awaited(f *Frame) Node { return nodeAt(n.body, f.I) }
func (n *Seq) tails(levels int) Node {
	last := len(n.body) - 1
	n.body[last] = markTails(n.body[last], levels)
	return nil
}

// savedVals holds the values already computed when a frame is pushed in
// the middle of evaluating five or more operands; fewer are saved in one
// allocation of the exact size (or none at all for one).
type savedVals struct{ vals []value.Value }

func saveOperands(vals []value.Value) value.Value {
	switch len(vals) {
	case 0:
		return nil
	case 1:
		return vals[0]
	case 2:
		return &[2]value.Value{vals[0], vals[1]}
	case 3:
		return &[3]value.Value{vals[0], vals[1], vals[2]}
	case 4:
		return &[4]value.Value{vals[0], vals[1], vals[2], vals[3]}
	}
	return &savedVals{append([]value.Value(nil), vals...)}
}

func restoreOperands(dst []value.Value, saved value.Value) {
	switch len(dst) {
	case 0:
	case 1:
		dst[0] = saved
	case 2:
		copy(dst, saved.(*[2]value.Value)[:])
	case 3:
		copy(dst, saved.(*[3]value.Value)[:])
	case 4:
		copy(dst, saved.(*[4]value.Value)[:])
	default:
		copy(dst, saved.(*savedVals).vals)
	}
}

// operands is the shared machinery of nodes that evaluate a list of
// operands into the scratch stack before doing something with them
// (calls, let). Operands are evaluated left to right; one that needs the
// continuation gets a frame recording the values computed before it.
type operands interface {
	Code
	args() []Node
	finish(m *Machine, vals []value.Value)
}

// nodeAt is nodes[i], or nil if i is out of range.
func nodeAt(nodes []Node, i int32) Node {
	if int(i) < len(nodes) {
		return nodes[i]
	}
	return nil
}

func evalOperands(m *Machine, n operands, i int) {
	args := n.args()
	for ; i < len(args); i++ {
		v, ok := args[i].evalNow(m)
		if !ok {
			saved := saveOperands(m.stack[:i])
			m.sp = 0
			m.push(n, saved, int32(i))
			args[i].exec(m) // in this step, as PrimStep's
			return
		}
		m.stack[i] = v
	}
	m.sp = 0
	n.finish(m, m.stack[:len(args)])
}

// startOperands reserves scratch space and evaluates from the first.
func startOperands(m *Machine, n operands) {
	m.reserve(len(n.args()))
	evalOperands(m, n, 0)
}

// resumeOperands restores the saved operands and continues after the one
// whose value just arrived.
func resumeOperands(m *Machine, n operands, f *Frame) {
	m.env = f.Env
	i := int(f.I)
	m.reserve(len(n.args()))
	restoreOperands(m.stack[:i], f.Val)
	m.stack[i] = m.val
	evalOperands(m, n, i+1)
}

// reserve makes room for n scratch values at the bottom of the stack. It
// is only called between steps, when the stack is empty.
func (m *Machine) reserve(n int) {
	if n > len(m.stack) {
		m.stack = make([]value.Value, n*2+16)
	}
	m.sp = n
}

// App is a procedure call. Operands are evaluated left to right, then the
// operator, then the procedure is applied in the current continuation: a
// call never pushes a frame of its own, which is what makes every tail
// call proper. The direct path below evaluates in the same order, so the
// two agree on side effects and on which error comes first.
type App struct {
	all    []Node // operands, then the operator last
	direct bool   // every operand and the operator is immediate
	// pureOp is set when evaluating the operator has no effect and
	// cannot fail, so the direct path may look at it first: a local,
	// a constant, a lambda, or a global (opGlobal, peeked: unbound
	// means the general path, which reports it after the operands).
	pureOp   bool
	opGlobal *Global
	// release is how many environment records a call in tail position
	// recycles once its operands are evaluated (see markTails).
	release int
	site
	stepNode
}

func (n *App) args() []Node          { return n.all }
func (n *App) awaited(f *Frame) Node { return nodeAt(n.all, f.I) }
func (n *App) tails(levels int) Node { n.release = levels; return nil }
func (n *App) exec(m *Machine) {
	if n.direct {
		n.execDirect(m)
		return
	}
	startOperands(m, n)
}

// AppAhead is an App of a global that did not hold a primitive when the
// call was compiled, with operands that need steps (tak's outer call):
// when the global holds a closure of as many parameters, the closure's
// record is made before the operands are evaluated, and they are
// evaluated into it (into). It is a node of its own so that App's exec
// stays small enough for the inlining the other calls get (deriv ran
// 0.4% more instructions with the test in App.exec).
type AppAhead struct {
	App
	// off is set once a continuation captured a frame holding a record
	// made ahead (resumeInto): from then on the call runs as an App.
	off bool
}

func (n *AppAhead) exec(m *Machine) {
	if c, ok := n.opGlobal.Value.(*Closure); ok && !n.off && takes(c, len(n.all)-1) {
		n.into(m, m.in.envs.New(c.env, c.lam.frameSize), 0)
		return
	}
	n.App.exec(m)
}

// takes reports whether closure c takes exactly nargs arguments, as
// many as its record's first slots, nargs > 0.
func takes(c *Closure, nargs int) bool {
	return c.lam.nparams == nargs && !c.lam.rest && !c.lam.noScope
}

// into evaluates the operands of a call of a global from the i-th on
// into env, the record of the closure the global held when the call
// started: a frame for an operand that needs a step holds env, and no
// operand goes through the scratch stack. The operator is read after the
// operands, as on the general path: if the global then holds a closure
// that takes the same record (the same enclosing record and size), it
// is entered in env, and anything else is applied to the values in env.
func (n *AppAhead) into(m *Machine, env *cont.Env, i int) {
	last := len(n.all) - 1
	for ; i < last; i++ {
		v, ok := n.all[i].evalNow(m)
		if !ok {
			m.push(appInto{n}, env, int32(i))
			n.all[i].exec(m) // in this step, as PrimStep's (tak 2%)
			return
		}
		env.Vals[i] = v
	}
	if c, ok := n.opGlobal.Value.(*Closure); ok && takes(c, last) && c.env == env.Up && c.lam.frameSize == len(env.Vals) {
		m.releaseEnvs(n.release)
		n.enter(m, c, env)
		return
	}
	m.reserve(len(n.all))
	copy(m.stack, env.Vals[:last])
	m.stack[last], _ = n.all[last].evalNow(m)
	m.sp = 0
	n.finish(m, m.stack[:len(n.all)])
}

// appInto is the code of into's frames, whose Val is the record being
// filled. (A code of its own rather than a test in App.resume, which
// made App.resume too big to inline into the machine's loop: deriv ran
// 1.2% more instructions.)
type appInto struct{ *AppAhead }

func (c appInto) resume(m *Machine, f *Frame) { c.resumeInto(m, f, f.Val.(*cont.Env)) }

// resumeInto continues into with the value of operand f.I. A frame that
// a continuation captured may be resumed again, so its record is never
// filled in place: the call goes on on the general path with the values
// in it, and the node makes no more records ahead. There the
// record made ahead is wasted: ctak made two records per call and ran
// 5% more instructions; copying the record for each resumption, 3%.
func (n *AppAhead) resumeInto(m *Machine, f *Frame, env *cont.Env) {
	m.env = f.Env
	i := int(f.I)
	if f.Shared {
		n.off = true
		m.reserve(len(n.all))
		copy(m.stack, env.Vals[:i])
		m.stack[i] = m.val
		evalOperands(m, &n.App, i+1)
		return
	}
	env.Vals[i] = m.val
	n.into(m, env, i+1)
}

// execDirect calls a procedure whose operands and operator are all
// immediate without a step per operand; a closure whose operator is pure
// gets its operands evaluated straight into its new environment record.
// An operand compiled as immediate may have stopped being so (a PrimCall
// demoted by redefining its primitive); evalNow then reports false having
// done nothing, and the call carries on on the general path from that
// operand, keeping the values already computed, so none is evaluated
// twice.
func (n *App) execDirect(m *Machine) {
	if !n.pureOp {
		n.execDirectStack(m)
		return
	}
	last := len(n.all) - 1
	var f value.Value
	if g := n.opGlobal; g != nil {
		f = g.Value
	} else {
		f, _ = n.all[last].evalNow(m)
	}
	if c, ok := f.(*Closure); ok && !c.lam.rest && c.lam.nparams == last {
		env := c.env
		if !c.lam.noScope {
			env = m.in.envs.New(c.env, c.lam.frameSize)
			for i, a := range n.all[:last] {
				v, ok := a.evalNow(m)
				if !ok {
					n.direct = false
					m.reserve(len(n.all))
					copy(m.stack, env.Vals[:i])
					m.in.envs.Recycle(env)
					evalOperands(m, n, i)
					return
				}
				env.Vals[i] = v
			}
		}
		m.releaseEnvs(n.release)
		n.enter(m, c, env)
		return
	}
	if last == 1 && plainContinuation(f) {
		// (k v): generators and coroutines pass control this way.
		v, ok := n.all[0].evalNow(m)
		if !ok {
			n.direct = false
			startOperands(m, n)
			return
		}
		m.releaseEnvs(n.release)
		m.resumePlain(f, v)
		return
	}
	// Anything else (or an unbound operator) on the general path: the
	// operator is evaluated again, last, which it may be as it is pure.
	startOperands(m, n)
}

// execDirectStack is execDirect for an operator that may have an effect
// or fail (a primitive call, a letrec variable): everything is evaluated
// in order into the scratch stack first.
func (n *App) execDirectStack(m *Machine) {
	last := len(n.all) - 1
	m.reserve(len(n.all))
	for i, a := range n.all {
		v, ok := a.evalNow(m)
		if !ok {
			n.direct = false
			evalOperands(m, n, i)
			return
		}
		m.stack[i] = v
	}
	m.sp = 0
	f := m.stack[last]
	if c, ok := f.(*Closure); ok && !c.lam.rest && c.lam.nparams == last {
		env := c.env
		if !c.lam.noScope {
			env = m.in.envs.New(c.env, c.lam.frameSize)
			copy(env.Vals, m.stack[:last])
		}
		m.releaseEnvs(n.release)
		n.enter(m, c, env)
		return
	}
	if last == 1 && plainContinuation(f) {
		m.releaseEnvs(n.release)
		m.resumePlain(f, m.stack[0])
		return
	}
	n.finish(m, m.stack[:len(n.all)])
}

// enter runs the body of closure c, whose arity suits the call, in env:
// its new record holding the arguments, or c.env for a thunk that has no
// record of its own. (A call in tail position has recycled the records of
// the scopes it ends first.)
func (n *App) enter(m *Machine, c *Closure, env *cont.Env) {
	if c.lam.lib && !n.lib {
		m.enter(&n.site)
	}
	m.calls++
	m.env = env
	m.node = c.lam.body
}
func (n *App) resume(m *Machine, f *Frame) { resumeOperands(m, n, f) }
func (n *App) finish(m *Machine, vals []value.Value) {
	last := len(vals) - 1
	m.releaseEnvs(n.release)
	m.apply(vals[last], vals[:last], &n.site)
}

// PrimCall is a call whose operator is a global that held a primitive
// when the call was compiled and whose operands are all immediate. It
// evaluates without touching the continuation (no frame, no scratch
// traffic for one or two arguments). It bets that the global keeps
// holding that primitive (an assumption), and so never reads the
// global: if the global is rebound to anything else, the node and every
// PrimCall containing it are demoted for good and run as ordinary calls
// (slow).
type PrimCall struct {
	g      *Global
	prim   *value.Primitive // the built-in compiled against
	args   []Node
	parent *PrimCall
	slow   bool
	app    App // the general call, used once demoted
	site
	nodeBase
}

func (n *PrimCall) immediate() bool       { return !n.slow }
func (n *PrimCall) tails(levels int) Node { return tailValue(n, levels) }

func (n *PrimCall) holds(v value.Value) bool { return v == value.Value(n.prim) }

func (n *PrimCall) broken() {
	for p := n; p != nil && !p.slow; p = p.parent {
		p.slow = true
	}
}

func (n *PrimCall) exec(m *Machine) {
	if n.slow {
		n.app.exec(m)
		return
	}
	v, _ := n.evalNow(m)
	m.ret(v)
}

func (n *PrimCall) evalNow(m *Machine) (value.Value, bool) {
	if n.slow {
		return nil, false
	}
	// The primitive compiled against: the bet (see PrimCall) demotes
	// the node before it could run with the global holding anything
	// else, so the global is not read here.
	// (Six lines, as the check they replace took: default.pgo keys its
	// hot call sites by their line in the function.)
	p := n.prim
	var v value.Value
	var err error
	switch len(n.args) {
	case 1:
		a, _ := n.args[0].evalNow(m)
		if p.Fn1 != nil {
			v, err = p.Fn1(a)
			break
		}
		v, err = n.callGeneric(m, p, a)
	case 2:
		a, _ := n.args[0].evalNow(m)
		b, _ := n.args[1].evalNow(m)
		if p.Fn2 != nil {
			v, err = p.Fn2(a, b)
			break
		}
		v, err = n.callGeneric(m, p, a, b)
	case 3:
		// The setters (%record-set!, vector-set!): without Fn3 a
		// third of ping-pong's primitive time went to the scratch
		// stack and the arity check.
		a, _ := n.args[0].evalNow(m)
		b, _ := n.args[1].evalNow(m)
		c, _ := n.args[2].evalNow(m)
		if p.Fn3 != nil {
			v, err = p.Fn3(a, b, c)
			break
		}
		v, err = n.callGeneric(m, p, a, b, c)
	default:
		base := m.sp
		top := base + len(n.args)
		if top > len(m.stack) {
			grown := make([]value.Value, top*2+16)
			copy(grown, m.stack[:base])
			m.stack = grown
		}
		m.sp = top
		for i, a := range n.args {
			x, _ := a.evalNow(m)
			m.stack[base+i] = x
		}
		v, err = p.Call(m.stack[base:top])
		m.sp = base
	}
	m.polled()
	if err != nil {
		m.fail(err, &n.site)
	}
	return v, true
}

func (n *PrimCall) callGeneric(m *Machine, p *value.Primitive, args ...value.Value) (value.Value, error) {
	return p.Call(args)
}
func (n *PrimCall) resume(m *Machine, f *Frame) { n.app.resume(m, f) }

// Let evaluates its initialisers in the enclosing scope, then its body in
// a new scope holding them.
type Let struct {
	inits     []Node
	frameSize int
	body      Node
	site
	stepNode
}

func (n *Let) args() []Node                { return n.inits }
func (n *Let) awaited(f *Frame) Node       { return nodeAt(n.inits, f.I) }
func (n *Let) tails(levels int) Node       { n.body = markTails(n.body, levels+1); return nil }
func (n *Let) exec(m *Machine)             { startOperands(m, n) }
func (n *Let) resume(m *Machine, f *Frame) { resumeOperands(m, n, f) }
func (n *Let) finish(m *Machine, vals []value.Value) {
	env := m.in.envs.New(m.env, n.frameSize)
	copy(env.Vals, vals)
	m.env = env
	m.node = n.body
}

// Block runs body in a new environment record of frameSize slots, all
// unassigned until body's definitions initialise them (letrec, the body
// of let-syntax).
type Block struct {
	frameSize int
	body      Node
	stepNode
}

func (n *Block) tails(levels int) Node { n.body = markTails(n.body, levels+1); return nil }
func (n *Block) exec(m *Machine) {
	env := m.in.envs.New(m.env, n.frameSize)
	for i := range env.Vals {
		env.Vals[i] = unassigned
	}
	m.env = env
	m.node = n.body
}

// SetLocal assigns a local variable (set!, or an internal define).
type SetLocal struct {
	depth, i int
	val      Node
	site
	nodeBase
}

func (n *SetLocal) tails(levels int) Node { return tailValue(n, levels) }

func (n *SetLocal) store(m *Machine, env *cont.Env, v value.Value) {
	for d := n.depth; d > 0; d-- {
		env = env.Up
	}
	env.Vals[n.i] = v
}
func (n *SetLocal) exec(m *Machine) {
	v, ok := n.val.evalNow(m)
	if !ok {
		m.push(n, nil, 0)
		m.node = n.val
		return
	}
	n.store(m, m.env, v)
	m.ret(value.Unspecified)
}
func (n *SetLocal) resume(m *Machine, f *Frame) {
	m.env = f.Env
	n.store(m, m.env, m.val)
	m.ret(value.Unspecified)
}

// evalNow assigns at once when the value needs no frame, so a set! in a
// body or an operand costs no step of its own.
func (n *SetLocal) evalNow(m *Machine) (value.Value, bool) {
	v, ok := n.val.evalNow(m)
	if !ok {
		return nil, false
	}
	n.store(m, m.env, v)
	return value.Unspecified, true
}

// SetGlobal assigns (define) or reassigns (set!) a global variable.
type SetGlobal struct {
	g      *Global
	val    Node
	define bool
	site
	nodeBase
}

func (n *SetGlobal) tails(levels int) Node { return tailValue(n, levels) }

func (n *SetGlobal) store(m *Machine, v value.Value) {
	if !n.define && n.g.Value == nil {
		m.fail(value.Errorf("set!: unbound variable %s", n.g.Name.Name), &n.site)
	}
	if n.define {
		if c, ok := v.(*Closure); ok && c.lam.name == "" {
			c.lam.name = n.g.Name.Name
		}
	}
	n.g.set(v)
}
func (n *SetGlobal) exec(m *Machine) {
	v, ok := n.val.evalNow(m)
	if !ok {
		m.push(n, nil, 0)
		m.node = n.val
		return
	}
	n.store(m, v)
	m.ret(value.Unspecified)
}
func (n *SetGlobal) resume(m *Machine, f *Frame) {
	m.env = f.Env
	n.store(m, m.val)
	m.ret(value.Unspecified)
}

// evalNow assigns at once when the value needs no frame.
func (n *SetGlobal) evalNow(m *Machine) (value.Value, bool) {
	v, ok := n.val.evalNow(m)
	if !ok {
		return nil, false
	}
	n.store(m, v)
	return value.Unspecified, true
}

// ShortCircuit is and (stopOn false) and or (stopOn true): it evaluates
// to the first operand whose truth is stopOn, else to the last, which is
// in tail position.
type ShortCircuit struct {
	parts  []Node
	stopOn bool
	site
	stepNode
}

func (n *ShortCircuit) exec(m *Machine) { n.from(m, 0) }
func (n *ShortCircuit) from(m *Machine, i int) {
	last := len(n.parts) - 1
	for ; i < last; i++ {
		v, ok := n.parts[i].evalNow(m)
		if !ok {
			m.push(n, nil, int32(i))
			m.node = n.parts[i]
			return
		}
		if value.Truthy(v) == n.stopOn {
			m.ret(v)
			return
		}
	}
	m.node = n.parts[last]
}
func (n *ShortCircuit) resume(m *Machine, f *Frame) {
	m.env = f.Env
	if value.Truthy(m.val) == n.stopOn {
		m.node = nil
		return
	}
	n.from(m, int(f.I)+1)
}
func (n *ShortCircuit) tails(levels int) Node {
	last := len(n.parts) - 1
	n.parts[last] = markTails(n.parts[last], levels)
	return nil
}

// Case dispatches on a key with eqv?. A clause with => receives the key.
type Case struct {
	key      Node
	datums   [][]value.Value
	bodies   []Node
	arrow    []bool
	els      Node // nil when there is no else clause
	elsArrow bool
	site
	stepNode
}

func (n *Case) exec(m *Machine) {
	v, ok := n.key.evalNow(m)
	if !ok {
		m.push(n, nil, 0)
		m.node = n.key
		return
	}
	n.dispatch(m, v)
}
func (n *Case) resume(m *Machine, f *Frame) {
	m.env = f.Env
	n.dispatch(m, m.val)
}
func (n *Case) tails(levels int) Node {
	for i, b := range n.bodies {
		if !n.arrow[i] {
			n.bodies[i] = markTails(b, levels)
		}
	}
	if n.els != nil && !n.elsArrow {
		n.els = markTails(n.els, levels)
	}
	return nil
}
func (n *Case) dispatch(m *Machine, key value.Value) {
	for i, ds := range n.datums {
		for _, d := range ds {
			if value.Eqv(key, d) {
				n.run(m, n.bodies[i], n.arrow[i], key)
				return
			}
		}
	}
	if n.els == nil {
		m.ret(value.Unspecified)
		return
	}
	n.run(m, n.els, n.elsArrow, key)
}
func (n *Case) run(m *Machine, body Node, arrow bool, key value.Value) {
	if !arrow {
		m.node = body
		return
	}
	f, ok := body.evalNow(m)
	if !ok {
		m.push(caseArrow{n}, key, 0)
		m.node = body
		return
	}
	m.apply(f, []value.Value{key}, &n.site)
}

// caseArrow applies the procedure of a => clause to the saved key.
type caseArrow struct{ n *Case }

func (c caseArrow) resume(m *Machine, f *Frame) {
	m.env = f.Env
	m.apply(m.val, []value.Value{f.Val}, &c.n.site)
}
func (c caseArrow) where() (string, value.Pos) { return c.n.where() }

// CondArrow implements a cond clause (test => receiver): if test's value
// is true, receiver is applied to it, else the rest runs.
type CondArrow struct {
	test, recv, rest Node
	site
	stepNode
}

func (n *CondArrow) tails(levels int) Node { n.rest = markTails(n.rest, levels); return nil }
func (n *CondArrow) exec(m *Machine) {
	v, ok := n.test.evalNow(m)
	if !ok {
		m.push(n, nil, 0)
		m.node = n.test
		return
	}
	n.choose(m, v)
}
func (n *CondArrow) resume(m *Machine, f *Frame) {
	m.env = f.Env
	if f.I == 1 {
		m.apply(m.val, []value.Value{f.Val}, &n.site)
		return
	}
	n.choose(m, m.val)
}
func (n *CondArrow) choose(m *Machine, v value.Value) {
	if !value.Truthy(v) {
		m.node = n.rest
		return
	}
	r, ok := n.recv.evalNow(m)
	if !ok {
		m.push(n, v, 1)
		m.node = n.recv
		return
	}
	m.apply(r, []value.Value{v}, &n.site)
}
