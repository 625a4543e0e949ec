package eval

// This file compiles the idiom (call/cc (lambda (k) body ...)) without
// making a closure: the continuation is bound in a new scope and the body
// runs in it, exactly as the lambda's body would run when applied (the
// scope has the lambda's shape, so the body is compiled once and serves
// both ways). The node bets that call/cc keeps its value (an assumption,
// node.go): once call/cc is rebound, it makes the closure and calls
// whatever call/cc then is.

import (
	"contigo/cont"
	"contigo/value"
)

var (
	symCallCC  = value.Intern("call/cc")
	symCallCC2 = value.Intern("call-with-current-continuation")
)

// CallCC is an inlined (call/cc (lambda (k) body ...)).
type CallCC struct {
	g    *Global  // the global call/cc was compiled against
	ctl  *Control // the built-in it held
	lam  *Lambda  // (lambda (k) body ...)
	slow bool     // call/cc was rebound: call it
	site
	stepNode
}

func (n *CallCC) holds(v value.Value) bool { return v == value.Value(n.ctl) }
func (n *CallCC) broken()                  { n.slow = true }

// In the fallback the body runs in a closure's record whose enclosing
// record was marked escaped when the closure was made, so recycling
// further out stops there.
func (n *CallCC) tails(levels int) Node {
	n.lam.body = markTails(n.lam.body, levels+1)
	return nil
}

func (n *CallCC) exec(m *Machine) {
	if n.slow {
		f := n.g.Value
		if f == nil {
			m.fail(unboundError(m.in, n.g.Name), &n.site)
		}
		cont.MarkEscaped(m.env)
		m.apply(f, []value.Value{&Closure{n.lam, m.env}}, &n.site)
		return
	}
	k := m.newContinuation()
	m.calls++ // the lambda's body is entered, as when it is applied
	env := m.in.envs.New(m.env, n.lam.frameSize)
	env.Vals[0] = k
	m.env = env
	n.lam.body.exec(m) // in this step, as a let's body
}

// inlineCallCC compiles form as a CallCC if it is the idiom, else nil.
func (c *compiler) inlineCallCC(form *value.Pair, sc *scope) Node {
	items, ok := value.ToSlice(form)
	if !ok || len(items) != 2 {
		return nil
	}
	head, ok := items[0].(*value.Symbol)
	if !ok || (head.Base() != symCallCC && head.Base() != symCallCC2) {
		return nil
	}
	r := c.resolve(head, sc)
	if r.kind != refGlobal {
		return nil
	}
	g, _ := c.in.globalOf(r.sym)
	if g == nil || g.Macro != nil {
		return nil
	}
	ctl, ok := g.Value.(*Control)
	if !ok || ctl.Name != "call-with-current-continuation" && ctl.Name != "call/cc" {
		return nil
	}
	lamForm, ok := items[1].(*value.Pair)
	if !ok || !c.isKeyword(lamForm.Car, sc, symLambda) {
		return nil
	}
	parts, ok := value.ToSlice(lamForm)
	if !ok || len(parts) < 3 {
		return nil
	}
	params, ok := parts[1].(*value.Pair)
	if !ok || params.Cdr != value.Value(value.Nil) {
		return nil
	}
	if _, ok := params.Car.(*value.Symbol); !ok {
		return nil
	}
	// The node is the call (call/cc ...): errors of the re-check (call/cc
	// rebound to a non-procedure) are positioned there, as on the
	// general path.
	s := c.site()
	old := c.at(lamForm)
	defer func() { c.pos = old }()
	lam := c.lambda(parts[1], parts[2:], sc, lamForm, c.name)
	n := &CallCC{g: g, ctl: ctl, lam: lam, site: s}
	g.rely(n)
	return n
}
