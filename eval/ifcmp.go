package eval

import "contigo/value"

// IfCmp is an if whose test compares two fixnums, each a variable of the
// innermost record or a constant, possibly under not: (= m 0) in ack,
// (< n 2) in fib, (not (< y x)) in tak, (zero? y) in fibc. It branches
// on the comparison itself, without the test's evalNow call and the
// boolean it returns. Anything else (other numbers, other types, a
// built-in rebound) goes the way of If, through the InlineCalls. (eq? is
// left out: its operands are mostly symbols, which would take both
// ways: deriv ran 1.1% more instructions with it.)
type IfCmp struct {
	If
	op     inlineOp // opNumEq, opLt, opGt, opLe or opGe
	ak, bk uint8    // opndLocal0 or opndConst, as in InlineCall
	ai, bi int
	av, bv value.Value
	neg    bool           // the test is (not (op a b))
	calls  [2]*InlineCall // the test's InlineCalls (the second may be nil)
}

var fixnumZero value.Value = value.Fixnum(0)

// specializeIf returns n as an IfCmp when its test is such a comparison,
// else n.
func specializeIf(n *If) Node {
	test := n.test
	ic := &IfCmp{}
	if c, ok := test.(*InlineCall); ok && c.op == opNot && c.ak == opndNode {
		test, ic.neg, ic.calls[1] = c.args[0], true, c
	}
	c, ok := test.(*InlineCall)
	if !ok || c.ak == opndNode {
		return n
	}
	ic.op, ic.ak, ic.ai, ic.av, ic.bk, ic.bi, ic.bv = c.op, c.ak, c.ai, c.av, c.bk, c.bi, c.bv
	switch {
	case c.op == opZeroP:
		ic.op, ic.bk, ic.bv = opNumEq, opndConst, fixnumZero
	case c.op < opNumEq || c.op > opGe || c.bk == opndNode:
		return n
	}
	ic.If, ic.calls[0] = *n, c
	return ic
}

func (n *IfCmp) exec(m *Machine) {
	if !n.calls[0].slow && (n.calls[1] == nil || !n.calls[1].slow) {
		a, b := n.av, n.bv
		if n.ak == opndLocal0 {
			a = m.env.Vals[n.ai]
		}
		if n.bk == opndLocal0 {
			b = m.env.Vals[n.bi]
		}
		if x, ok := a.(value.Fixnum); ok {
			if y, ok := b.(value.Fixnum); ok {
				var yes bool
				switch n.op {
				case opNumEq:
					yes = x == y
				case opLt:
					yes = x < y
				case opGt:
					yes = x > y
				case opLe:
					yes = x <= y
				default: // opGe
					yes = x >= y
				}
				if yes != n.neg {
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
