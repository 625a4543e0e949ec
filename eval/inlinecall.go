package eval

// This file defines InlineCall, the inlined call of one of the commonest
// built-in primitives on immediate operands: fixnum arithmetic and
// comparison (+ - = < > <= >=), eq? on symbols, car, cdr, pair?, null?,
// not and zero?, and the field accesses of the concurrency library's
// records (%record-ref, %record-set!: four in ten of the primitive calls
// of a round trip over a channel). It computes the common case itself
// instead of calling the primitive, and reads operands that are locals of the innermost
// scope or constants without a method call. Anything else (other
// numbers, overflow, errors, another primitive assigned to the name)
// goes to the primitive, so the two paths agree by construction except
// in the cases written out here, which TestInlineCallAgrees checks
// against the primitive. (The binary cases, and the reading of each
// operand, are written out in evalNow rather than in functions of their
// own: Go does not inline them, and the calls cost a third of what the
// node saves; an operand function measured 11% more instructions on fib.)

import (
	"contigo/prims"
	"contigo/value"
)

// inlineOp names the operation an InlineCall inlines.
type inlineOp uint8

const (
	opNone inlineOp = iota
	// two operands
	opAdd
	opSub
	opNumEq
	opLt
	opGt
	opLe
	opGe
	opEq
	opRecordRef
	// one operand
	opCar
	opCdr
	opPairP
	opNullP
	opNot
	opZeroP
	// three operands
	opRecordSet
)

// inlineOpNames are the built-ins an InlineCall may stand for, and their
// number of operands.
var inlineOpNames = map[string]struct {
	op    inlineOp
	arity int
}{
	"+": {opAdd, 2}, "-": {opSub, 2}, "=": {opNumEq, 2}, "<": {opLt, 2}, ">": {opGt, 2},
	"<=": {opLe, 2}, ">=": {opGe, 2}, "eq?": {opEq, 2},
	"car": {opCar, 1}, "cdr": {opCdr, 1}, "pair?": {opPairP, 1}, "null?": {opNullP, 1},
	"not": {opNot, 1}, "zero?": {opZeroP, 1},
	"%record-ref": {opRecordRef, 2}, "%record-set!": {opRecordSet, 3},
}

// builtinInlineOps maps the primitives newly installed in in under the
// names of inlineOpNames to their operations. Only these very
// primitives, not whatever a name holds later, are inlined.
func builtinInlineOps(in *Interp) map[*value.Primitive]inlineOp {
	ops := map[*value.Primitive]inlineOp{}
	for name, o := range inlineOpNames {
		if g := in.globals[value.Intern(name)]; g != nil {
			if p, ok := g.Value.(*value.Primitive); ok {
				if o.arity == 1 && p.Fn1 != nil || o.arity == 2 && p.Fn2 != nil || o.arity == 3 && p.Fn3 != nil {
					ops[p] = o.op
				}
			}
		}
	}
	return ops
}

// inlineArity is the number of operands op takes.
func inlineArity(op inlineOp) int {
	switch {
	case op == opRecordSet:
		return 3
	case op >= opCar:
		return 1
	}
	return 2
}

// How an InlineCall reads an operand.
const (
	opndNode   uint8 = iota // its evalNow
	opndLocal0              // a slot of the innermost record
	opndConst               // a constant
)

// InlineCall is a PrimCall of a built-in of inlineOpNames, computed here
// for the operations it knows. Its bet is the PrimCall's (holds,
// broken): the global keeps holding the very built-in it was compiled
// against (prim), so evalNow need not look at the global at each call
// (4% of ack's instructions did).
type InlineCall struct {
	PrimCall
	op     inlineOp
	ak, bk uint8       // how to read each operand
	ai, bi int         // the slot of an opndLocal0 operand
	av, bv value.Value // the value of an opndConst operand
}

// newInlineCall makes pc, a call of a built-in, an InlineCall for op, or
// returns nil if pc has the wrong number of operands for it.
func newInlineCall(pc *PrimCall, op inlineOp) *InlineCall {
	if len(pc.args) != inlineArity(op) {
		return nil
	}
	n := &InlineCall{PrimCall: *pc, op: op}
	n.ak, n.ai, n.av = operandKind(n.args[0])
	if len(n.args) >= 2 {
		n.bk, n.bi, n.bv = operandKind(n.args[1])
	}
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

func (n *InlineCall) tails(levels int) Node { return tailValue(n, levels) }

func (n *InlineCall) exec(m *Machine) {
	if n.slow {
		n.app.exec(m)
		return
	}
	v, _ := n.evalNow(m)
	m.ret(v)
}

func (n *InlineCall) evalNow(m *Machine) (value.Value, bool) {
	if n.slow {
		return nil, false
	}
	var a value.Value
	switch n.ak {
	case opndLocal0:
		a = m.env.Vals[n.ai]
	case opndConst:
		a = n.av
	default:
		a, _ = n.args[0].evalNow(m)
	}
	if n.op >= opCar {
		if n.op == opRecordSet {
			return n.recordSet(m, a), true
		}
		return n.unary(m, a), true
	}
	var b value.Value
	switch n.bk {
	case opndLocal0:
		b = m.env.Vals[n.bi]
	case opndConst:
		b = n.bv
	default:
		b, _ = n.args[1].evalNow(m)
	}
	if n.op == opRecordRef {
		if r, ok := a.(*prims.Record); ok {
			if j, ok := b.(value.Fixnum); ok && uint64(j) < uint64(len(r.Fields)) {
				return r.Fields[j], true
			}
		}
	} else if x, ok := a.(value.Fixnum); ok {
		// fixnumOp (primstep.go) written out, with eq?: calling it
		// instead, as it is too big to inline, ran 5-11% more
		// instructions on ack, fib, tak and nqueens (compareFixnums
		// is inlined). TestInlineCallAgrees checks this against the
		// primitives.
		if y, ok := b.(value.Fixnum); ok {
			switch n.op {
			case opAdd:
				if s := x + y; (x^s)&(y^s) >= 0 {
					return value.Int(int64(s)), true
				}
			case opSub:
				if d := x - y; (x^y)&(x^d) >= 0 {
					return value.Int(int64(d)), true
				}
			case opNumEq, opEq, opLt, opGt, opLe, opGe:
				return compareFixnums(n.op, x, y), true
			}
		}
	}
	if n.op == opEq {
		if x, ok := a.(*value.Symbol); ok {
			y, ok := b.(*value.Symbol)
			return ok && x == y, true
		}
	}
	v, err := n.prim.Fn2(a, b)
	m.polled() // a bignum's arithmetic can take long
	if err != nil {
		m.fail(err, &n.site)
	}
	return v, true
}

// recordSet is evalNow of %record-set!, given its first operand.
func (n *InlineCall) recordSet(m *Machine, a value.Value) value.Value {
	var b value.Value
	switch n.bk {
	case opndLocal0:
		b = m.env.Vals[n.bi]
	case opndConst:
		b = n.bv
	default:
		b, _ = n.args[1].evalNow(m)
	}
	c, _ := n.args[2].evalNow(m)
	if r, ok := a.(*prims.Record); ok {
		if j, ok := b.(value.Fixnum); ok && uint64(j) < uint64(len(r.Fields)) {
			r.Fields[j] = c
			return value.Unspecified
		}
	}
	v, err := n.prim.Fn3(a, b, c)
	if err != nil {
		m.fail(err, &n.site)
	}
	return v
}

// unary is evalNow of a one-operand op, given the operand.
func (n *InlineCall) unary(m *Machine, a value.Value) value.Value {
	switch n.op {
	case opCar:
		if p, ok := a.(*value.Pair); ok {
			return p.Car
		}
	case opCdr:
		if p, ok := a.(*value.Pair); ok {
			return p.Cdr
		}
	case opPairP:
		_, ok := a.(*value.Pair)
		return ok
	case opNullP:
		return a == value.Value(value.Nil)
	case opNot:
		b, ok := a.(bool)
		return ok && !b
	case opZeroP:
		if x, ok := a.(value.Fixnum); ok {
			return x == 0
		}
	}
	v, err := n.prim.Fn1(a)
	m.polled()
	if err != nil {
		m.fail(err, &n.site)
	}
	return v
}
