package eval

// This file defines FixCall, the inlined call of a built-in arithmetic
// or comparison primitive (+ - = < > <= >=) on two immediate operands:
// when both are fixnums, it computes the answer itself instead of
// calling the primitive, and it reads operands that are locals of the
// innermost scope or constants without a method call. Anything else
// (other numbers, errors, overflow) goes to the primitive, so the two
// paths agree by construction on all but the fixnum case, which
// TestFixCallAgrees checks against the primitive. (Written out in
// evalNow rather than in a function of its own: the call cost a third
// of what the node saves.)

import "contigo/value"

// fixOp names the operation a FixCall inlines.
type fixOp uint8

const (
	fixNone fixOp = iota
	fixAdd
	fixSub
	fixEq
	fixLt
	fixGt
	fixLe
	fixGe
)

// fixOpNames are the built-ins a FixCall may stand for.
var fixOpNames = map[string]fixOp{
	"+": fixAdd, "-": fixSub, "=": fixEq, "<": fixLt, ">": fixGt, "<=": fixLe, ">=": fixGe,
}

// builtinFixOps maps the primitives newly installed in in under the
// names of fixOpNames to their operations. Only these very primitives,
// not whatever a name holds later, are inlined.
func builtinFixOps(in *Interp) map[*value.Primitive]fixOp {
	ops := map[*value.Primitive]fixOp{}
	for name, op := range fixOpNames {
		if g := in.globals[value.Intern(name)]; g != nil {
			if p, ok := g.Value.(*value.Primitive); ok && p.Fn2 != nil {
				ops[p] = op
			}
		}
	}
	return ops
}

// How a FixCall reads an operand.
const (
	opndNode   uint8 = iota // its evalNow
	opndLocal0              // a slot of the innermost record
	opndConst               // a constant
)

// FixCall is a PrimCall of a built-in of fixOpNames on two operands. It
// bets, as a PrimCall does, that the global keeps holding a primitive,
// and checks at each call that it is still the very built-in (prim): if
// another primitive was assigned, it runs as the PrimCall it is.
type FixCall struct {
	PrimCall
	op     fixOp
	prim   *value.Primitive // the built-in compiled against
	ak, bk uint8            // how to read each operand
	ai, bi int              // the slot of an opndLocal0 operand
	av, bv value.Value      // the value of an opndConst operand
}

// newFixCall makes pc, a call of the built-in p, a FixCall for op.
func newFixCall(pc *PrimCall, p *value.Primitive, op fixOp) *FixCall {
	n := &FixCall{PrimCall: *pc, op: op, prim: p}
	n.ak, n.ai, n.av = operandKind(n.args[0])
	n.bk, n.bi, n.bv = operandKind(n.args[1])
	return n
}

func operandKind(a Node) (uint8, int, value.Value) {
	switch a := a.(type) {
	case *Local0:
		return opndLocal0, a.i, nil
	case *Const:
		return opndConst, 0, a.v
	}
	return opndNode, 0, nil
}

func (n *FixCall) tails(levels int) Node { return tailValue(n, levels) }

func (n *FixCall) exec(m *Machine) {
	if n.slow {
		n.app.exec(m)
		return
	}
	v, _ := n.evalNow(m)
	m.ret(v)
}

func (n *FixCall) evalNow(m *Machine) (value.Value, bool) {
	if n.slow {
		return nil, false
	}
	if p, ok := n.g.Value.(*value.Primitive); !ok || p != n.prim {
		return n.PrimCall.evalNow(m)
	}
	var a, b value.Value
	switch n.ak {
	case opndLocal0:
		a = m.env.Vals[n.ai]
	case opndConst:
		a = n.av
	default:
		a, _ = n.args[0].evalNow(m)
	}
	switch n.bk {
	case opndLocal0:
		b = m.env.Vals[n.bi]
	case opndConst:
		b = n.bv
	default:
		b, _ = n.args[1].evalNow(m)
	}
	if x, ok := a.(value.Fixnum); ok {
		if y, ok := b.(value.Fixnum); ok {
			switch n.op {
			case fixAdd:
				if s := x + y; (x^s)&(y^s) >= 0 {
					return value.Int(int64(s)), true
				}
			case fixSub:
				if d := x - y; (x^y)&(x^d) >= 0 {
					return value.Int(int64(d)), true
				}
			case fixEq:
				return x == y, true
			case fixLt:
				return x < y, true
			case fixGt:
				return x > y, true
			case fixLe:
				return x <= y, true
			case fixGe:
				return x >= y, true
			}
		}
	}
	v, err := n.prim.Fn2(a, b)
	if err != nil {
		m.fail(err, &n.site)
	}
	return v, true
}
