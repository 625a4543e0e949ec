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
// body to recycle levels records when they finish: the scope's own and,
// for a scope itself in tail position of another, the enclosing ones too.
// It returns the (possibly wrapped) body. Each kind of node says how in
// its tails method; one that does not is left alone, which only forgoes
// recycling.
func markTails(n Node, levels int) Node {
	if r := n.tails(levels); r != nil {
		return r
	}
	return n
}
