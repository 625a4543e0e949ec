package eval

// This file defines PrimStep, the call of a primitive with one or two
// operands of which at least one needs a step of its own: fib's
// (+ (fib (- n 1)) (fib (- n 2))), nqueens' (+ (if ...) (my-try ...)).
// A PrimCall cannot take it (its operands must all evaluate at once), and
// as an App it went through the scratch stack twice per operand, a frame
// holding the saved operands, the machine's apply and the primitive's
// arity check: a quarter of fib's instructions. PrimStep keeps the value
// of its first operand in the frame it pushes for the second, and calls
// the primitive's one- or two-argument function directly, or computes
// fixnum + - and comparisons itself, as InlineCall does.
//
// It bets, as InlineCall does, that its global keeps holding the very
// primitive compiled against (an assumption, node.go). Once anything
// else is assigned, even by one of its own operands, every call reads
// the operator after the operands, as App does, and goes to the
// machine's apply; so the two paths agree by construction except in the
// written-out fixnum cases, the same as InlineCall's
// (TestPrimStepAgrees). Checking the global at each call instead cost
// 1.4% of fib's instructions.

import "contigo/value"

// PrimStep is a call of a global that held a primitive p with a one- or
// two-argument function when the call was compiled, on one or two
// operands not all immediate.
type PrimStep struct {
	g    *Global
	prim *value.Primitive
	op   inlineOp // the fixnum operation computed here, or opNone
	args []Node
	fn   Node // the operator, evaluated (after the operands) off the fast path
	// off is set once the global held something other than prim.
	off bool
	// release is how many environment records the call recycles in
	// tail position (see markTails).
	release int
	site
	stepNode
}

// newPrimStep makes a PrimStep for a call of g, holding p, on args, or
// returns nil if p has no function of that many arguments.
func newPrimStep(g *Global, p *value.Primitive, op inlineOp, args []Node, fn Node, s site) *PrimStep {
	if len(args) == 1 && p.Fn1 == nil || len(args) == 2 && p.Fn2 == nil || len(args) > 2 {
		return nil
	}
	if op != opNone && (op > opGe || len(args) != 2) {
		op = opNone
	}
	n := &PrimStep{g: g, prim: p, op: op, args: args, fn: fn, site: s}
	g.rely(n)
	return n
}

func (n *PrimStep) holds(v value.Value) bool { return v == value.Value(n.prim) }
func (n *PrimStep) broken()                  { n.off = true }

func (n *PrimStep) awaited(f *Frame) Node { return nodeAt(n.args, f.I) }
func (n *PrimStep) tails(levels int) Node { n.release = levels; return nil }

// An operand that needs a step runs in the same step as the frame pushed
// for it (its exec, not m.node): the nesting is bounded by the source, as
// for an If's branch, and the machine's loop goes round once less per
// operand (fib 3% fewer instructions).
func (n *PrimStep) exec(m *Machine) {
	a, ok := n.args[0].evalNow(m)
	if !ok {
		m.push(n, nil, 0)
		n.args[0].exec(m)
		return
	}
	if len(n.args) == 1 {
		n.finish1(m, a)
		return
	}
	n.second(m, a)
}

// second evaluates the second operand, the first's value being a.
func (n *PrimStep) second(m *Machine, a value.Value) {
	b, ok := n.args[1].evalNow(m)
	if !ok {
		m.push(n, a, 1)
		n.args[1].exec(m)
		return
	}
	n.finish2(m, a, b)
}

func (n *PrimStep) resume(m *Machine, f *Frame) {
	m.env = f.Env
	switch {
	case len(n.args) == 1:
		n.finish1(m, m.val)
	case f.I == 0:
		n.second(m, m.val)
	default:
		n.finish2(m, f.Val, m.val)
	}
}

func (n *PrimStep) finish1(m *Machine, a value.Value) {
	if n.off {
		n.general(m, a)
		return
	}
	v, err := n.prim.Fn1(a)
	m.polled()
	if err != nil {
		m.fail(err, &n.site)
	}
	m.releaseEnvs(n.release)
	m.ret(v)
}

func (n *PrimStep) finish2(m *Machine, a, b value.Value) {
	if n.off {
		n.general(m, a, b)
		return
	}
	if n.op == opAdd {
		// fib's and nqueens' +, written out: the call of fixnumOp
		// cost as much as the addition.
		if x, ok := a.(value.Fixnum); ok {
			if y, ok := b.(value.Fixnum); ok {
				if s := x + y; (x^s)&(y^s) >= 0 {
					m.releaseEnvs(n.release)
					m.ret(value.Int(int64(s)))
					return
				}
			}
		}
	} else if n.op != opNone {
		if v, ok := fixnumOp(n.op, a, b); ok {
			m.releaseEnvs(n.release)
			m.ret(v)
			return
		}
	}
	v, err := n.prim.Fn2(a, b)
	m.polled()
	if err != nil {
		m.fail(err, &n.site)
	}
	m.releaseEnvs(n.release)
	m.ret(v)
}

// general applies whatever the operator holds now, as App does.
func (n *PrimStep) general(m *Machine, args ...value.Value) {
	f, _ := n.fn.evalNow(m)
	m.releaseEnvs(n.release)
	m.apply(f, args, &n.site)
}

// fixnumOp computes op (+ - = < > <= >=) on two fixnums without
// overflow, reporting false for anything else.
func fixnumOp(op inlineOp, a, b value.Value) (value.Value, bool) {
	x, ok := a.(value.Fixnum)
	if !ok {
		return nil, false
	}
	y, ok := b.(value.Fixnum)
	if !ok {
		return nil, false
	}
	switch op {
	case opAdd:
		if s := x + y; (x^s)&(y^s) >= 0 {
			return value.Int(int64(s)), true
		}
	case opSub:
		if d := x - y; (x^y)&(x^d) >= 0 {
			return value.Int(int64(d)), true
		}
	case opNumEq, opLt, opGt, opLe, opGe:
		return compareFixnums(op, x, y), true
	}
	return nil, false
}
