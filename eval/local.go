package eval

// This file finds local procedures: lambdas whose bodies create no
// closures and no nested scopes. Only continuation frames can then refer
// to their environment record, and a frame that a continuation captured
// marks the record escaped when it is popped (cont.Pop). So when the body
// finishes normally (a value or a call in tail position) and the record
// has not escaped, nothing refers to it and it can be recycled. Missing
// a release is always safe: the record is then left to the collector.

// isLocalBody reports whether a compiled body keeps its environment
// record to itself. Unknown node types count as not local.
func isLocalBody(n Node) bool {
	switch x := n.(type) {
	case *Const, *Local0, *Local1, *LocalN, *LocalChecked, *GlobalRef:
		return true
	case *Lambda, *Let, *Scope:
		return false
	case *If:
		return isLocalBody(x.test) && isLocalBody(x.then) && isLocalBody(x.els)
	case *Seq:
		return allLocal(x.body)
	case *App:
		return allLocal(x.all)
	case *PrimCall:
		return allLocal(x.args)
	case *SetLocal:
		return isLocalBody(x.val)
	case *SetGlobal:
		return isLocalBody(x.val)
	case *And:
		return allLocal(x.parts)
	case *Case:
		if !isLocalBody(x.key) || (x.els != nil && !isLocalBody(x.els)) {
			return false
		}
		return allLocal(x.bodies)
	case *CondArrow:
		return isLocalBody(x.test) && isLocalBody(x.recv) && isLocalBody(x.rest)
	}
	return false
}

func allLocal(ns []Node) bool {
	for _, n := range ns {
		if !isLocalBody(n) {
			return false
		}
	}
	return true
}

// markLocalTails arranges for the nodes in tail position of a local
// procedure's body to release its environment record when they finish,
// and returns the (possibly wrapped) body.
func markLocalTails(n Node) Node {
	switch x := n.(type) {
	case *Const, *Local0, *Local1, *LocalN, *LocalChecked, *GlobalRef, *PrimCall:
		return &Release{inner: n}
	case *App:
		x.release = true
	case *If:
		x.then = markLocalTails(x.then)
		x.els = markLocalTails(x.els)
	case *Seq:
		last := len(x.body) - 1
		x.body[last] = markLocalTails(x.body[last])
	case *And:
		last := len(x.parts) - 1
		x.parts[last] = markLocalTails(x.parts[last])
	case *Case:
		for i, b := range x.bodies {
			if !x.arrow[i] {
				x.bodies[i] = markLocalTails(b)
			}
		}
		if x.els != nil && !x.elsArrow {
			x.els = markLocalTails(x.els)
		}
	case *CondArrow:
		x.rest = markLocalTails(x.rest)
	}
	return n
}
