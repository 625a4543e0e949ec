package eval

// This file defines the ifs that compute their test themselves, when it
// is a call of a built-in that InlineCall would compute on values read
// at once: a comparison of fixnums, null?, pair?, not, or eq? with a
// quoted symbol. The machine then branches without the test's evalNow
// call and the boolean it returns. Each falls back to If (through the
// InlineCalls) for anything else, and when a built-in is rebound.
// TestIfTestsAgree checks them against the general path.

import "contigo/value"

// IfCmp is an if whose test compares two fixnums, each a variable of the
// innermost record or a constant, possibly under not: (= m 0) in ack,
// (< n 2) in fib, (not (< y x)) in tak, (zero? y) in fibc. It branches
// on the comparison itself, without the test's evalNow call and the
// boolean it returns. Anything else (other numbers, other types, a
// built-in rebound) goes the way of If, through the InlineCalls. (eq? is
// IfEq's: its operands are mostly symbols, which would take both ways
// here; deriv ran 1.1% more instructions with it in IfCmp.)
type IfCmp struct {
	If
	op     inlineOp // opNumEq, opLt, opGt, opLe or opGe
	ak, bk uint8    // opndLocal0 or opndConst, as in InlineCall
	ai, bi int
	av, bv value.Value
	neg    bool      // the test is (not (op a b))
	calls  testCalls // the test's InlineCalls
}

// testCalls are the InlineCalls of an if's test: the call itself and
// the (not ...) around it, or nil.
type testCalls [2]*InlineCall

// rebound reports whether a built-in of the test no longer holds what it
// was compiled against: the if must then go the general way.
func (c *testCalls) rebound() bool { return c[0].slow || c[1] != nil && c[1].slow }

var fixnumZero value.Value = value.Fixnum(0)

// specializeIf returns n as an IfCmp, IfPred or IfEq when its test is
// one of theirs, else n.
func specializeIf(n *If) Node {
	test, not := n.test, (*InlineCall)(nil)
	if c, ok := test.(*InlineCall); ok && c.op == opNot && c.ak == opndNode {
		test, not = c.args[0], c
	}
	c, ok := test.(*InlineCall)
	if !ok {
		return n
	}
	calls, neg := testCalls{c, not}, not != nil
	switch {
	case c.op == opEq:
		return specializeIfEq(n, c, calls, neg)
	case c.ak == opndNode:
		return n
	case c.op == opNullP || c.op == opPairP || c.op == opNot:
		if c.ak != opndLocal0 {
			return n // a constant: nothing to gain
		}
		return &IfPred{If: *n, op: c.op, ai: c.ai, neg: neg, calls: calls}
	case c.op == opZeroP:
		return &IfCmp{If: *n, op: opNumEq, ak: c.ak, ai: c.ai, av: c.av,
			bk: opndConst, bv: fixnumZero, neg: neg, calls: calls}
	case c.op >= opNumEq && c.op <= opGe && c.bk != opndNode:
		return &IfCmp{If: *n, op: c.op, ak: c.ak, ai: c.ai, av: c.av,
			bk: c.bk, bi: c.bi, bv: c.bv, neg: neg, calls: calls}
	}
	return n
}

func (n *IfCmp) exec(m *Machine) {
	if !n.calls.rebound() {
		a, b := n.av, n.bv
		if n.ak == opndLocal0 {
			a = m.env.Vals[n.ai]
		}
		if n.bk == opndLocal0 {
			b = m.env.Vals[n.bi]
		}
		if x, ok := a.(value.Fixnum); ok {
			if y, ok := b.(value.Fixnum); ok {
				if compareFixnums(n.op, x, y) != n.neg {
					n.then.exec(m)
				} else {
					n.els.exec(m)
				}
				return
			}
		}
	}
	n.If.exec(m)
}

// compareFixnums is op (= < > <= >=) on two fixnums. It is small enough
// to be inlined into IfCmp.exec and fixnumOp.
func compareFixnums(op inlineOp, x, y value.Fixnum) bool {
	switch op {
	case opNumEq, opEq:
		return x == y
	case opLt:
		return x < y
	case opGt:
		return x > y
	case opLe:
		return x <= y
	}
	return x >= y // opGe
}

// IfPred is an if whose test is null?, pair? or not of a variable of the
// innermost record, possibly under not: (null? x) in nqueens, (not (pair?
// a)) in deriv. Those built-ins take anything and never fail, so it
// goes the way of If only when one is rebound.
type IfPred struct {
	If
	op    inlineOp // opNullP, opPairP or opNot
	ai    int
	neg   bool
	calls testCalls
}

func (n *IfPred) exec(m *Machine) {
	if n.calls.rebound() {
		n.If.exec(m)
		return
	}
	a := m.env.Vals[n.ai]
	var yes bool
	switch n.op {
	case opNullP:
		yes = a == value.Value(value.Nil)
	case opPairP:
		_, yes = a.(*value.Pair)
	default: // opNot
		b, ok := a.(bool)
		yes = ok && !b
	}
	if yes != n.neg {
		n.then.exec(m)
	} else {
		n.els.exec(m)
	}
}

// IfEq is an if whose test is eq? of a quoted symbol and an expression
// that evaluates at once, possibly under not: (eq? (car a) '+) in deriv,
// (eq? v 'done) in generator. eq? with a symbol is the identity of the
// two values, and never fails.
type IfEq struct {
	If
	// sym is the symbol, typed: comparing two interfaces that hold
	// the same type calls the runtime (efaceeq, 1.2% of deriv's
	// instructions), comparing two pointers does not.
	sym   *value.Symbol
	x     Node // the other operand
	neg   bool
	calls testCalls
}

func specializeIfEq(n *If, c *InlineCall, calls testCalls, neg bool) Node {
	var x Node
	var sym *value.Symbol
	if s, ok := c.av.(*value.Symbol); ok && c.ak == opndConst {
		x, sym = c.args[1], s
	} else if s, ok := c.bv.(*value.Symbol); ok && c.bk == opndConst {
		x, sym = c.args[0], s
	} else {
		return n
	}
	return &IfEq{If: *n, sym: sym, x: x, neg: neg, calls: calls}
}

func (n *IfEq) exec(m *Machine) {
	if n.calls.rebound() {
		n.If.exec(m)
		return
	}
	// An operand that needs a step has done nothing: If evaluates it.
	x, ok := n.x.evalNow(m)
	if !ok {
		n.If.exec(m)
		return
	}
	if s, _ := x.(*value.Symbol); (s == n.sym) != n.neg {
		n.then.exec(m)
	} else {
		n.els.exec(m)
	}
}
