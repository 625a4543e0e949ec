package eval

// This file arranges for environment records to be recycled. A record
// can be referred to only by the machine's env register, by continuation
// frames, by closures made over it and by the records nested in it.
// Making a closure marks the record (and its enclosing ones) escaped, and
// so does popping a frame that a continuation captured (cont.Pop). When a
// scope's body finishes normally, with a value or a call in tail
// position, its record is unreachable unless marked, and goes back to the
// pool. A missed release is always safe: the record is left to the
// collector.

// markTails arranges for the expressions in tail position of a scope's
// body to release levels records when they finish: the scope's own and,
// for a scope itself in tail position of another, the enclosing ones too.
// It returns the (possibly wrapped) body. Node types it does not know are
// left alone, which only forgoes recycling.
func markTails(n Node, levels int) Node {
	switch x := n.(type) {
	case *Release:
		x.levels = levels
	case *Const, *Local0, *Local1, *LocalN, *LocalChecked, *GlobalRef, *PrimCall, *SetLocal, *SetGlobal:
		return &Release{inner: n, levels: levels}
	case *App:
		x.release = levels
	case *If:
		x.then = markTails(x.then, levels)
		x.els = markTails(x.els, levels)
	case *Seq:
		last := len(x.body) - 1
		x.body[last] = markTails(x.body[last], levels)
	case *And:
		last := len(x.parts) - 1
		x.parts[last] = markTails(x.parts[last], levels)
	case *Case:
		for i, b := range x.bodies {
			if !x.arrow[i] {
				x.bodies[i] = markTails(b, levels)
			}
		}
		if x.els != nil && !x.elsArrow {
			x.els = markTails(x.els, levels)
		}
	case *CondArrow:
		x.rest = markTails(x.rest, levels)
	case *Let:
		x.body = markTails(x.body, levels+1)
	case *Scope:
		x.body = markTails(x.body, levels+1)
	case *CallCC:
		// In the fallback (call/cc rebound) the body runs in a closure's
		// record whose enclosing record was marked escaped when the
		// closure was made, so releasing further out stops there.
		x.lam.body = markTails(x.lam.body, levels+1)
	}
	return n
}
