package eval

// This file defines LeafCall, the call of a small procedure written in
// Scheme evaluated at once, without a machine step: a procedure whose
// body is one call of a primitive on its parameters, constants, globals
// and such calls ((define (succ n) (+ n 1)), (define (cadr x) (car (cdr
// x)))), called through the global that holds it, with as many operands,
// each immediate. The body runs in its own record, as an ordinary call
// would, but inside the caller's step: the caller needs no frame for the
// call's value and no step to resume it, so a call like (addc (succ x)
// (pred y) k) is direct. Small helpers are everywhere in Scheme: fibc,
// which calls two in its inner loop, ran 29% fewer instructions (0.714,
// bash bench/compare.sh --instr), the other programs of bench/ as many.
//
// The node bets that the global keeps holding the closure, and that
// every primitive its body calls stays what it was compiled against (as
// the body's own PrimCalls bet): assigning anything else breaks the bet
// and the call runs as an ordinary one from then on, demoting the calls
// it is an operand of as a PrimCall demotes them. An error in the body
// is reported as on the general path: at its position in the body, with
// a backtrace that holds the frame the general call would have pushed
// (leafReturn, made only when the error happens).

import (
	"contigo/cont"
	"contigo/value"
)

// LeafCall is a call of a global that held clo, a leaf procedure
// (leafBody), with immediate operands. Its PrimCall holds the global, the
// operands, the general call to run once demoted, and the parent chain
// that demotion follows.
type LeafCall struct {
	PrimCall
	clo  *Closure
	body Node // clo's body without the TailValue of its tail position
	// release is how many records the call recycles in tail position
	// (tails).
	release int
}

// newLeafCall returns a LeafCall of g, which holds f, with operands args
// (all immediate), or nil unless f is a leaf procedure that takes them.
// s is the site of the call, all its operands and then the operator.
func newLeafCall(g *Global, f value.Value, args, all []Node, s site) *LeafCall {
	clo, ok := f.(*Closure)
	if !ok {
		return nil
	}
	lam := clo.lam
	if lam.rest || lam.nparams != len(args) || lam.noScope || lam.frameSize != lam.nparams {
		return nil
	}
	// The library's procedures blame the user's call of them (blame.go),
	// which needs the entry a general call makes: only calls within one
	// side are inlined.
	if lam.lib && !s.lib {
		return nil
	}
	body, calls := leafBody(lam.body)
	if body == nil {
		return nil
	}
	n := &LeafCall{
		PrimCall: PrimCall{g: g, args: args, app: App{all: all, site: s}, site: s},
		clo:      clo,
		body:     body,
	}
	g.rely(n)
	for _, c := range calls {
		c.g.rely(leafDep{leaf: n, on: c.bet})
	}
	return n
}

// bodyCall is a primitive call in a leaf body and the bet it made.
type bodyCall struct {
	g   *Global
	bet assumption
}

// leafBody returns the body of a leaf procedure, without the TailValue of
// its tail position, and the primitive calls in it; or nil if body is not
// one. A leaf body is a PrimCall or InlineCall whose operands are
// variables, constants or such calls: nothing in it pushes a frame,
// makes a closure (which could keep the record) or calls a procedure
// written in Scheme.
func leafBody(body Node) (Node, []bodyCall) {
	if tv, ok := body.(*TailValue); ok {
		body = tv.inner
	}
	var calls []bodyCall
	var walk func(n Node) bool
	walk = func(n Node) bool {
		var pc *PrimCall
		var bet assumption
		switch n := n.(type) {
		case *Local0, *Local1, *Local2, *LocalN, *Const, *GlobalRef:
			return true
		case *PrimCall:
			pc, bet = n, n
		case *InlineCall:
			pc, bet = &n.PrimCall, n
		default:
			return false
		}
		if pc.slow {
			return false
		}
		calls = append(calls, bodyCall{pc.g, bet})
		for _, a := range pc.args {
			if !walk(a) {
				return false
			}
		}
		return true
	}
	switch body.(type) {
	case *PrimCall, *InlineCall:
		if walk(body) {
			return body, calls
		}
	}
	return nil, nil
}

// holds is the bet on the global: it still holds the very closure.
func (n *LeafCall) holds(v value.Value) bool { return v == value.Value(n.clo) }

// leafDep is a LeafCall's bet on a primitive its body calls: it holds
// while the body's call's own bet does.
type leafDep struct {
	leaf *LeafCall
	on   assumption
}

func (d leafDep) holds(v value.Value) bool { return d.on.holds(v) }
func (d leafDep) broken()                  { d.leaf.broken() }

// tails makes the node, in tail position, recycle levels records once
// its value is computed, as TailValue does.
func (n *LeafCall) tails(levels int) Node { n.release = levels; return nil }

// exec runs the call as a step: in tail position, or as the whole of an
// expression, where a general call would push no frame either.
func (n *LeafCall) exec(m *Machine) {
	if n.slow {
		n.app.exec(m)
		return
	}
	v := n.run(m, true)
	m.releaseEnvs(n.release)
	m.ret(v)
}

// evalNow runs the call as an operand, where a general call would push a
// frame for its value.
func (n *LeafCall) evalNow(m *Machine) (value.Value, bool) {
	if n.slow {
		return nil, false
	}
	return n.run(m, false), true
}

// run evaluates the operands into the record and the body in it. The
// record is the machine's scratch one of that size (leafRecord): nothing
// in a leaf body can keep it or run another leaf body, so one per
// machine serves every call. While the body runs, m.leaf says which call
// it is, for an error (leafFault).
func (n *LeafCall) run(m *Machine, tail bool) value.Value {
	// The operands first: they may be leaf calls themselves.
	var a0, a1 value.Value
	switch len(n.args) {
	case 1:
		a0, _ = n.args[0].evalNow(m)
	case 2:
		a0, _ = n.args[0].evalNow(m)
		a1, _ = n.args[1].evalNow(m)
	default:
		return n.runMany(m, tail)
	}
	two := len(n.args) == 2
	env := m.leafRecord(len(n.args))
	env.Up = n.clo.env
	env.Vals[0] = a0
	if two {
		env.Vals[1] = a1
	}
	caller := m.env
	m.env, m.leaf, m.leafEnv, m.leafTail = env, n, caller, tail
	v, _ := n.body.evalNow(m)
	m.env, m.leaf = caller, nil
	// Dropped, so that they do not keep garbage alive.
	env.Up, env.Vals[0] = nil, nil
	if two {
		env.Vals[1] = nil
	}
	return v
}

// runMany is run for three operands or more, in a record of the pool.
// (An operand is evaluated into the record at once, which the scratch
// record cannot take: the operand may be a leaf call using it.) The four
// lines that run the body are run's too: a function of their own is not
// inlined, and calling it cost fibc 1.9% more instructions.
func (n *LeafCall) runMany(m *Machine, tail bool) value.Value {
	env := m.in.envs.New(n.clo.env, len(n.args))
	for i, a := range n.args {
		// An operand that stops being immediate demotes this call
		// first (PrimCall's parent chain), so its value is here.
		env.Vals[i], _ = a.evalNow(m)
	}
	caller := m.env
	m.env, m.leaf, m.leafEnv, m.leafTail = env, n, caller, tail
	v, _ := n.body.evalNow(m)
	m.env, m.leaf = caller, nil
	m.in.envs.Recycle(env)
	return v
}

// leafRecord is the machine's scratch record of size 1 or 2 for leaf
// bodies. One whose body failed is dropped (leafFault): a frame pushed
// by the raise may hold it.
func (m *Machine) leafRecord(size int) *cont.Env {
	e := m.leafRecords[size-1]
	if e == nil {
		e = cont.NewEnv(nil, size)
		m.leafRecords[size-1] = e
	}
	return e
}

// leafReturn is the code of the frame a general call of a leaf procedure
// would have waited in for its value: it is made only when the body
// fails, so that the backtrace names the caller at the call.
type leafReturn struct{ n *LeafCall }

func (r leafReturn) where() (string, value.Pos) { return r.n.site.where() }

// resume cannot happen: the frame is made for a failed primitive call,
// whose error is raised as not continuable, and a handler's return from
// it is another error raised above the frame.
func (r leafReturn) resume(m *Machine, f *Frame) {
	m.fail(value.Errorf("internal error: return to a failed inlined call"), &r.n.site)
}

// leafFault turns the machine's state at a fault raised in a leaf body
// into the state of the general call at the same point: the body's
// procedure entered, on top of the caller's frame waiting for the call's
// value unless the call was a tail call.
func (m *Machine) leafFault() {
	n := m.leaf
	if n == nil {
		return
	}
	if !m.leafTail {
		m.k = m.in.frames.Push(m.k, leafReturn{n}, m.leafEnv, nil, 0, m.calls)
		m.calls = 0
	}
	m.calls++
	m.leaf, m.leafEnv = nil, nil
	m.leafRecords = [2]*cont.Env{}
}
