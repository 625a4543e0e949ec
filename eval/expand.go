package eval

// This file defines full macro expansion (macroexpand-all, the REPL's
// ,expand): every macro use in a form, at any depth, replaced by its
// expansion, while special forms and the derived forms the compiler
// handles itself (let, cond, do, ...) stay as they are written.
//
// The expander walks the form as the compiler does, with the compiler's
// scopes and resolve, so it expands exactly what compiling would expand:
// a local binding shadows a macro, quote and case datums are left alone,
// quasiquote templates are expanded only where unquoted, and a body's
// internal define-syntax applies to the rest of the body. Nothing is
// defined: a top-level define-syntax or define-macro in the form binds
// its keyword in a scope private to the expansion.
//
// The output has to be printed, so hygiene has to survive printing.
// Every identifier the walk meets in code is replaced by a token that
// records what it binds or refers to; at the end each binding gets a
// name, the name of the identifier as written (an alias of syntax-rules
// prints as the symbol it renames), and then the names are checked: a
// reference must find its own binding under its printed name. Where one
// would find another (a macro's temporary captured by, or capturing, a
// user's variable of the same name), one of the two bindings, preferably
// the macro's, is renamed name.1, name.2, ... and the check runs again.

import (
	"strconv"
	"sync/atomic"

	"contigo/value"
)

// MacroexpandAll returns form with every macro use expanded. src gives
// the positions of form's pairs for error messages (may be nil). No
// definition in form takes effect.
func (in *Interp) MacroexpandAll(form value.Value, src value.SourceMap) (out value.Value, err error) {
	if src == nil {
		src = value.SourceMap{}
	}
	c := &compiler{in: in, src: src}
	e := &expander{
		c:     c,
		top:   &scope{transparent: true, keywords: map[*value.Symbol]*Macro{}},
		occ:   map[*value.Symbol]*occurrence{},
		binds: map[slotKey]*binding{},
	}
	defer func() {
		if r := recover(); r != nil {
			switch x := r.(type) {
			case *compileError:
				out, err = nil, x.err
			case expandInterrupted:
				out, err = nil, e.c.in.interruptError()
			default:
				panic(r)
			}
		}
	}()
	out = e.toplevel(form)
	return e.finish(out), nil
}

// expandInterrupted unwinds an expansion stopped by Interrupt.
type expandInterrupted struct{}

type expander struct {
	c *compiler
	// top is the scope of the form's top level: it holds the keywords
	// that top-level define-syntax and define-macro forms in the form
	// bind, and no variables.
	top *scope
	// occ maps each token put into the output to what it stands for.
	occ    map[*value.Symbol]*occurrence
	tokens []*value.Symbol // in the order made
	// binds maps a scope's slot to the binding it holds.
	binds    map[slotKey]*binding
	bindList []*binding // in the order made
	// made lists the pairs of the output, where tokens may sit.
	made []*value.Pair
}

type slotKey struct {
	sc *scope
	i  int
}

// binding is a lexical variable of the output.
type binding struct {
	id   *value.Symbol // the identifier bound, maybe an alias
	name string        // its printed name
	sc   *scope
}

// occurrence is an identifier of the output: the binding it binds or
// refers to, or the global it refers to (b nil).
type occurrence struct {
	b      *binding
	global *value.Symbol
	id     *value.Symbol // as written
	sc     *scope        // where a reference is; nil for a binding occurrence
}

func (o *occurrence) name() string {
	if o.b != nil {
		return o.b.name
	}
	return o.global.Base().Name
}

// token returns a fresh placeholder for o.
func (e *expander) token(o *occurrence) *value.Symbol {
	t := value.Gensym("")
	t.Name = o.id.Name
	e.occ[t] = o
	e.tokens = append(e.tokens, t)
	return t
}

// bind adds id to scope sc and returns the token of its binding
// occurrence.
func (e *expander) bind(id *value.Symbol, sc *scope) value.Value {
	b := e.declare(id, sc)
	return e.token(&occurrence{b: b, id: id})
}

// declare adds id to scope sc (once) and returns its binding.
func (e *expander) declare(id *value.Symbol, sc *scope) *binding {
	i := sc.add(id, false)
	key := slotKey{sc, i}
	b := e.binds[key]
	if b == nil {
		b = &binding{id: id, name: id.Base().Name, sc: sc}
		e.binds[key] = b
		e.bindList = append(e.bindList, b)
	}
	return b
}

// ref returns the token of a reference to id in scope sc.
func (e *expander) ref(id *value.Symbol, sc *scope) value.Value {
	r := e.c.resolve(id, sc)
	switch r.kind {
	case refLocal:
		if b := e.binds[slotKey{r.sc, r.index}]; b != nil {
			return e.token(&occurrence{b: b, id: id, sc: sc})
		}
		return id.Base()
	case refKeyword:
		return id.Base()
	}
	return e.token(&occurrence{global: r.sym, id: id, sc: sc})
}

// defineGlobal returns the token of a top-level definition of id.
func (e *expander) defineGlobal(id *value.Symbol) value.Value {
	delete(e.top.keywords, id)
	return e.token(&occurrence{global: id, id: id})
}

func (e *expander) cons(a, b value.Value) *value.Pair {
	p := value.Cons(a, b)
	e.made = append(e.made, p)
	return p
}

func (e *expander) list(items ...value.Value) value.Value {
	return e.listTail(items, value.Nil)
}

func (e *expander) listTail(items []value.Value, tail value.Value) value.Value {
	for i := len(items) - 1; i >= 0; i-- {
		tail = e.cons(items[i], tail)
	}
	return tail
}

// is reports whether head names the global keyword kw in sc.
func (e *expander) is(head value.Value, sc *scope, kw *value.Symbol) bool {
	return e.c.isKeyword(head, sc, kw)
}

// expand expands x at its head until it is not a macro use.
func (e *expander) expand(x value.Value, sc *scope) value.Value {
	outer := e.c.expansions
	defer func() { e.c.expansions = outer }()
	for {
		if atomic.LoadInt32(&e.c.in.interrupted) != 0 {
			panic(expandInterrupted{})
		}
		p, ok := x.(*value.Pair)
		if !ok {
			return x
		}
		id, ok := p.Car.(*value.Symbol)
		if !ok {
			return x
		}
		m := e.c.macroOf(e.c.resolve(id, sc))
		if m == nil {
			return x
		}
		e.c.expansions++
		x = e.c.expandMacro(m, x, id, sc)
	}
}

// toplevel expands a top-level form.
func (e *expander) toplevel(x value.Value) value.Value {
	x = e.expand(x, e.top)
	p, ok := x.(*value.Pair)
	if !ok {
		return e.expr(x, e.top)
	}
	c := e.c
	old := c.at(x)
	defer func() { c.pos = old }()
	switch {
	case e.is(p.Car, e.top, symBegin):
		forms := c.list(p.Cdr, x)
		out := make([]value.Value, len(forms))
		for i, f := range forms {
			out[i] = e.toplevel(f)
		}
		return e.cons(e.ref(p.Car.(*value.Symbol), e.top), e.list(out...))
	case e.is(p.Car, e.top, symDefineSyntax):
		name, m := c.defineSyntax(p, e.top)
		e.top.keywords[name] = m
		return value.StripAliases(x)
	case e.is(p.Car, e.top, symDefineMacro):
		e.defineMacro(p)
		return value.StripAliases(x)
	case e.is(p.Car, e.top, symDefine):
		return e.define(p, e.top, true)
	}
	return e.expr(x, e.top)
}

// defineMacro binds the keyword of a top-level define-macro in the
// expansion's top scope; the transformer is evaluated, as compiling the
// form would.
func (e *expander) defineMacro(p *value.Pair) {
	name, mac := e.c.macroTransformer(p, e.top)
	e.top.keywords[name] = mac
}

// define expands (define name expr), (define (name . formals) body...)
// and curried defines, in scope sc, where the name is already declared
// (a body) or is global.
func (e *expander) define(p *value.Pair, sc *scope, global bool) value.Value {
	c := e.c
	items := c.list(p, p)
	if len(items) < 2 {
		c.errorf(p, "bad syntax: %s", value.WriteString(p))
	}
	head := e.ref(p.Car.(*value.Symbol), sc)
	name := func(id *value.Symbol) value.Value {
		if global {
			return e.defineGlobal(id)
		}
		return e.bind(id, sc)
	}
	switch target := items[1].(type) {
	case *value.Symbol:
		if len(items) > 3 {
			c.errorf(p, "bad syntax: define of %s takes one expression", target.Name)
		}
		out := []value.Value{head, name(target)}
		if len(items) == 3 {
			out = append(out, e.expr(items[2], sc))
		}
		return e.list(out...)
	case *value.Pair:
		t, inner := e.defineTarget(target, sc, name)
		return e.listTail([]value.Value{head, t}, e.body(items[2:], inner, p))
	}
	c.errorf(p, "bad syntax: cannot define %s", value.WriteString(items[1]))
	return nil
}

// defineTarget expands the target (name . formals) of a define, curried
// ((name . formals) . formals) too, and returns the scope of the body.
func (e *expander) defineTarget(t *value.Pair, sc *scope, name func(*value.Symbol) value.Value) (value.Value, *scope) {
	var head value.Value
	s := sc
	switch x := t.Car.(type) {
	case *value.Pair:
		head, s = e.defineTarget(x, sc, name)
	case *value.Symbol:
		head = name(x)
	default:
		e.c.errorf(t, "bad syntax: cannot define %s", value.WriteString(t.Car))
	}
	inner := &scope{up: s}
	return e.cons(head, e.formals(t.Cdr, inner, t)), inner
}

// defineName returns the variable a define form in a body defines.
func (e *expander) defineName(p *value.Pair) *value.Symbol {
	items := e.c.list(p, p)
	if len(items) < 2 {
		e.c.errorf(p, "bad syntax: %s", value.WriteString(p))
	}
	target := items[1]
	for {
		tp, ok := target.(*value.Pair)
		if !ok {
			break
		}
		target = tp.Car
	}
	id, ok := target.(*value.Symbol)
	if !ok {
		e.c.errorf(p, "bad syntax: cannot define %s", value.WriteString(items[1]))
	}
	return id
}

// formals binds the variables of a lambda list in sc and returns it with
// their tokens.
func (e *expander) formals(params value.Value, sc *scope, form value.Value) value.Value {
	var vars []value.Value
	for {
		switch p := params.(type) {
		case *value.Empty:
			return e.listTail(vars, value.Nil)
		case *value.Symbol:
			return e.listTail(vars, e.bind(p, sc))
		case *value.Pair:
			sym, ok := p.Car.(*value.Symbol)
			if !ok {
				e.c.errorf(form, "bad syntax: parameter must be a symbol, got %s", value.WriteString(p.Car))
			}
			vars = append(vars, e.bind(sym, sc))
			params = p.Cdr
		default:
			e.c.errorf(form, "bad syntax: bad parameter list %s", value.WriteString(params))
		}
	}
}

// bodyItem is a form of a body after its head was expanded.
type bodyItem struct {
	form     value.Value
	kind     int        // one of the item constants
	children []bodyItem // itemBegin
}

const (
	itemExpr = iota
	itemDefine
	itemBegin
	itemSyntax
)

// body expands a lambda or let body in sc, which holds the parameters:
// first the heads of its forms, in order, declaring the definitions
// (visible to the whole body) and keywords it finds, then the forms.
func (e *expander) body(forms []value.Value, sc *scope, form value.Value) value.Value {
	c := e.c
	if len(forms) == 0 {
		c.errorf(form, "bad syntax: empty body")
	}
	var scan func(forms []value.Value) []bodyItem
	scan = func(forms []value.Value) []bodyItem {
		var items []bodyItem
		for _, f := range forms {
			old := c.at(f)
			f = e.expand(f, sc)
			p, ok := f.(*value.Pair)
			switch {
			case ok && e.is(p.Car, sc, symBegin):
				items = append(items, bodyItem{form: f, kind: itemBegin, children: scan(c.list(p.Cdr, f))})
			case ok && e.is(p.Car, sc, symDefine):
				name := e.defineName(p)
				e.declare(name, sc)
				delete(sc.keywords, name)
				items = append(items, bodyItem{form: f, kind: itemDefine})
			case ok && e.is(p.Car, sc, symDefineSyntax):
				name, m := c.defineSyntax(p, sc)
				if sc.keywords == nil {
					sc.keywords = map[*value.Symbol]*Macro{}
				}
				sc.keywords[name] = m
				items = append(items, bodyItem{form: f, kind: itemSyntax})
			case ok && e.is(p.Car, sc, symDefineMacro):
				c.errorf(f, "define-macro is only allowed at top level")
			default:
				items = append(items, bodyItem{form: f, kind: itemExpr})
			}
			c.pos = old
		}
		return items
	}
	var emit func(items []bodyItem) []value.Value
	emit = func(items []bodyItem) []value.Value {
		out := make([]value.Value, len(items))
		for i, it := range items {
			old := c.at(it.form)
			switch it.kind {
			case itemBegin:
				p := it.form.(*value.Pair)
				out[i] = e.cons(e.ref(p.Car.(*value.Symbol), sc), e.list(emit(it.children)...))
			case itemDefine:
				out[i] = e.define(it.form.(*value.Pair), sc, false)
			case itemSyntax:
				out[i] = value.StripAliases(it.form)
			default:
				out[i] = e.expr(it.form, sc)
			}
			c.pos = old
		}
		return out
	}
	return e.list(emit(scan(forms))...)
}

// exprs expands each of forms as an expression.
func (e *expander) exprs(forms []value.Value, sc *scope) []value.Value {
	out := make([]value.Value, len(forms))
	for i, f := range forms {
		out[i] = e.expr(f, sc)
	}
	return out
}

// expr expands an expression in scope sc.
func (e *expander) expr(x value.Value, sc *scope) value.Value {
	c := e.c
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > maxNesting {
		c.errorf(x, "nesting too deep: more than %d levels of nested expressions", maxNesting)
	}
	x = e.expand(x, sc)
	switch v := x.(type) {
	case *value.Symbol:
		return e.ref(v, sc)
	case *value.Pair:
		old := c.at(x)
		defer func() { c.pos = old }()
		if id, ok := v.Car.(*value.Symbol); ok {
			r := c.resolve(id, sc)
			if r.kind == refGlobal {
				if sf, ok := specialForms[r.sym]; ok {
					if g, _ := c.in.globalOf(r.sym); g == nil || g.Value == nil {
						return sf.expand(e, v, sc)
					}
				}
			}
		}
		return e.list(e.exprs(c.list(v, v), sc)...)
	}
	return value.StripAliases(x)
}

// head returns the token of a special form's keyword.
func (e *expander) head(form *value.Pair, sc *scope) value.Value {
	return e.ref(form.Car.(*value.Symbol), sc)
}

func expandVerbatim(e *expander, form *value.Pair, sc *scope) value.Value {
	return value.StripAliases(form)
}

func expandQuote(e *expander, form *value.Pair, sc *scope) value.Value {
	items := e.c.list(form, form)
	if len(items) != 2 {
		e.c.errorf(form, "bad syntax: quote takes one datum")
	}
	return e.list(e.head(form, sc), value.StripAliases(items[1]))
}

// expandOperands expands the operands of set!, if, begin, and, or, when,
// unless, delay and delay-force: all expressions but set!'s variable.
func expandOperands(e *expander, form *value.Pair, sc *scope) value.Value {
	items := e.c.list(form, form)
	out := []value.Value{e.head(form, sc)}
	rest := items[1:]
	if e.is(form.Car, sc, symSet) {
		if len(items) != 3 {
			e.c.errorf(form, "bad syntax: (set! variable expression)")
		}
		id, ok := items[1].(*value.Symbol)
		if !ok {
			e.c.errorf(form, "bad syntax: set! of a non-variable %s", value.WriteString(items[1]))
		}
		out = append(out, e.ref(id, sc))
		rest = items[2:]
	}
	return e.list(append(out, e.exprs(rest, sc)...)...)
}

func expandQuasiquote(e *expander, form *value.Pair, sc *scope) value.Value {
	items := e.c.list(form, form)
	if len(items) != 2 {
		e.c.errorf(form, "bad syntax: quasiquote takes one template")
	}
	return e.list(e.head(form, sc), e.template(items[1], sc, 0))
}

var (
	symSet             = value.Intern("set!")
	symQuasiquote      = value.Intern("quasiquote")
	symUnquote         = value.Intern("unquote")
	symUnquoteSplicing = value.Intern("unquote-splicing")
)

// template expands the parts of a quasiquote template that are unquoted
// at level 0 (nested quasiquotes raise the level).
func (e *expander) template(t value.Value, sc *scope, level int) value.Value {
	switch x := t.(type) {
	case *value.Pair:
		var items []value.Value
		var v value.Value = x
		for {
			p, ok := v.(*value.Pair)
			if !ok {
				return e.listTail(items, e.template(v, sc, level))
			}
			if kw, arg, ok := e.unquoteForm(p, sc); ok {
				if len(items) > 0 {
					// (a . ,b) is (a unquote b).
					return e.listTail(items, e.template(p, sc, level))
				}
				switch {
				case kw == symQuasiquote:
					return e.list(kw, e.template(arg, sc, level+1))
				case level == 0:
					return e.list(kw, e.expr(arg, sc))
				default:
					return e.list(kw, e.template(arg, sc, level-1))
				}
			}
			items = append(items, e.template(p.Car, sc, level))
			v = p.Cdr
		}
	case *value.Vector:
		out := &value.Vector{Items: make([]value.Value, len(x.Items))}
		for i, it := range x.Items {
			out.Items[i] = e.template(it, sc, level)
		}
		return out
	}
	return value.StripAliases(t)
}

// unquoteForm reports whether p is (unquote x), (unquote-splicing x) or
// (quasiquote x), and which.
func (e *expander) unquoteForm(p *value.Pair, sc *scope) (*value.Symbol, value.Value, bool) {
	rest, ok := p.Cdr.(*value.Pair)
	if !ok || rest.Cdr != value.Value(value.Nil) {
		return nil, nil, false
	}
	for _, kw := range []*value.Symbol{symUnquote, symUnquoteSplicing, symQuasiquote} {
		if e.is(p.Car, sc, kw) {
			return kw, rest.Car, true
		}
	}
	return nil, nil, false
}

func expandLambda(e *expander, form *value.Pair, sc *scope) value.Value {
	items := e.c.list(form, form)
	if len(items) < 3 {
		e.c.errorf(form, "bad syntax: lambda needs parameters and a body")
	}
	inner := &scope{up: sc}
	params := e.formals(items[1], inner, form)
	return e.listTail([]value.Value{e.head(form, sc), params}, e.body(items[2:], inner, form))
}

func expandNamedLambda(e *expander, form *value.Pair, sc *scope) value.Value {
	items := e.c.list(form, form)
	if len(items) < 3 {
		e.c.errorf(form, "bad syntax: (named-lambda (name . params) body...)")
	}
	head, ok := items[1].(*value.Pair)
	if !ok {
		e.c.errorf(form, "bad syntax: (named-lambda (name . params) body...)")
	}
	inner := &scope{up: sc}
	params := e.cons(value.StripAliases(head.Car), e.formals(head.Cdr, inner, form))
	return e.listTail([]value.Value{e.head(form, sc), params}, e.body(items[2:], inner, form))
}

// binding splits a (var init) binding.
func (e *expander) binding(b value.Value, form value.Value) (*value.Symbol, []value.Value) {
	items, ok := value.ToSlice(b)
	if !ok || len(items) < 1 || len(items) > 2 {
		e.c.errorf(form, "bad syntax: bad binding %s", value.WriteString(b))
	}
	id, ok := items[0].(*value.Symbol)
	if !ok {
		e.c.errorf(form, "bad syntax: cannot bind %s", value.WriteString(items[0]))
	}
	return id, items[1:]
}

func expandLet(e *expander, form *value.Pair, sc *scope) value.Value {
	c := e.c
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: let needs bindings and a body")
	}
	out := []value.Value{e.head(form, sc)}
	inner := &scope{up: sc}
	binds, body := items[1], items[2:]
	if name, ok := items[1].(*value.Symbol); ok {
		// Named let: the inits are outside the loop's scope.
		if len(items) < 4 {
			c.errorf(form, "bad syntax: named let needs bindings and a body")
		}
		loop := &scope{up: sc}
		inner.up = loop
		binds, body = items[2], items[3:]
		bs := e.letBindings(binds, sc, inner, form)
		out = append(out, e.bind(name, loop), bs)
	} else {
		out = append(out, e.letBindings(binds, sc, inner, form))
	}
	return e.listTail(out, e.body(body, inner, form))
}

// letBindings expands ((var init) ...): the inits in outer, the variables
// bound in inner.
func (e *expander) letBindings(binds value.Value, outer, inner *scope, form value.Value) value.Value {
	list := e.c.list(binds, form)
	inits := make([][]value.Value, len(list))
	ids := make([]*value.Symbol, len(list))
	for i, b := range list {
		ids[i], inits[i] = e.binding(b, form)
		inits[i] = e.exprs(inits[i], outer)
	}
	out := make([]value.Value, len(list))
	for i := range list {
		out[i] = e.listTail([]value.Value{e.bind(ids[i], inner)}, e.list(inits[i]...))
	}
	return e.list(out...)
}

func expandLetStar(e *expander, form *value.Pair, sc *scope) value.Value {
	c := e.c
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: let* needs bindings and a body")
	}
	cur := sc
	var out []value.Value
	for _, b := range c.list(items[1], form) {
		id, init := e.binding(b, form)
		init = e.exprs(init, cur)
		cur = &scope{up: cur}
		out = append(out, e.listTail([]value.Value{e.bind(id, cur)}, e.list(init...)))
	}
	if cur == sc {
		cur = &scope{up: sc}
	}
	return e.listTail([]value.Value{e.head(form, sc), e.list(out...)}, e.body(items[2:], cur, form))
}

func expandLetrec(e *expander, form *value.Pair, sc *scope) value.Value {
	c := e.c
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: letrec needs bindings and a body")
	}
	inner := &scope{up: sc}
	list := c.list(items[1], form)
	ids := make([]value.Value, len(list))
	inits := make([][]value.Value, len(list))
	for i, b := range list {
		var id *value.Symbol
		id, inits[i] = e.binding(b, form)
		ids[i] = e.bind(id, inner)
	}
	out := make([]value.Value, len(list))
	for i := range list {
		out[i] = e.listTail([]value.Value{ids[i]}, e.list(e.exprs(inits[i], inner)...))
	}
	return e.listTail([]value.Value{e.head(form, sc), e.list(out...)}, e.body(items[2:], inner, form))
}

// (do ((var init step) ...) (test expr ...) command ...)
func expandDo(e *expander, form *value.Pair, sc *scope) value.Value {
	c := e.c
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: (do ((var init step) ...) (test expr ...) body ...)")
	}
	specs := c.list(items[1], form)
	inner := &scope{up: sc}
	parts := make([][]value.Value, len(specs))
	for i, spec := range specs {
		p, ok := value.ToSlice(spec)
		if !ok || len(p) < 2 || len(p) > 3 {
			c.errorf(form, "bad syntax: bad do binding %s", value.WriteString(spec))
		}
		if _, ok := p[0].(*value.Symbol); !ok {
			c.errorf(form, "bad syntax: cannot bind %s", value.WriteString(p[0]))
		}
		p[1] = e.expr(p[1], sc)
		parts[i] = p
	}
	vars := make([]value.Value, len(specs))
	for i, p := range parts {
		vars[i] = e.bind(p[0].(*value.Symbol), inner)
	}
	out := make([]value.Value, len(specs))
	for i, p := range parts {
		spec := []value.Value{vars[i], p[1]}
		if len(p) == 3 {
			spec = append(spec, e.expr(p[2], inner))
		}
		out[i] = e.list(spec...)
	}
	exit := c.list(items[2], form)
	if len(exit) == 0 {
		c.errorf(form, "bad syntax: do needs a termination clause")
	}
	rest := []value.Value{e.head(form, sc), e.list(out...), e.list(e.exprs(exit, inner)...)}
	return e.list(append(rest, e.exprs(items[3:], inner)...)...)
}

func expandCond(e *expander, form *value.Pair, sc *scope) value.Value {
	c := e.c
	out := []value.Value{e.head(form, sc)}
	for _, cl := range c.list(form, form)[1:] {
		parts, ok := value.ToSlice(cl)
		if !ok || len(parts) == 0 {
			c.errorf(form, "bad syntax: bad cond clause %s", value.WriteString(cl))
		}
		var clause []value.Value
		if e.is(parts[0], sc, symElse) {
			clause = append([]value.Value{symElse}, e.exprs(parts[1:], sc)...)
		} else {
			clause = append(clause, e.expr(parts[0], sc))
			clause = append(clause, e.clauseBody(parts[1:], sc)...)
		}
		out = append(out, e.list(clause...))
	}
	return e.list(out...)
}

// clauseBody expands the expressions of a cond or case clause, which may
// start with =>.
func (e *expander) clauseBody(parts []value.Value, sc *scope) []value.Value {
	if len(parts) > 0 && e.is(parts[0], sc, symArrow) {
		return append([]value.Value{symArrow}, e.exprs(parts[1:], sc)...)
	}
	return e.exprs(parts, sc)
}

func expandCase(e *expander, form *value.Pair, sc *scope) value.Value {
	c := e.c
	items := c.list(form, form)
	if len(items) < 2 {
		c.errorf(form, "bad syntax: case needs a key")
	}
	out := []value.Value{e.head(form, sc), e.expr(items[1], sc)}
	for _, cl := range items[2:] {
		parts, ok := value.ToSlice(cl)
		if !ok || len(parts) < 2 {
			c.errorf(form, "bad syntax: bad case clause %s", value.WriteString(cl))
		}
		var datums value.Value = symElse
		if !e.is(parts[0], sc, symElse) {
			datums = value.StripAliases(parts[0])
		}
		out = append(out, e.list(append([]value.Value{datums}, e.clauseBody(parts[1:], sc)...)...))
	}
	return e.list(out...)
}

func expandParameterize(e *expander, form *value.Pair, sc *scope) value.Value {
	c := e.c
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: parameterize needs bindings and a body")
	}
	var binds []value.Value
	for _, b := range c.list(items[1], form) {
		parts, ok := value.ToSlice(b)
		if !ok || len(parts) != 2 {
			c.errorf(form, "bad syntax: bad parameterize binding %s", value.WriteString(b))
		}
		binds = append(binds, e.list(e.exprs(parts, sc)...))
	}
	return e.listTail([]value.Value{e.head(form, sc), e.list(binds...)}, e.body(items[2:], &scope{up: sc}, form))
}

// expandLetSyntax expands the body of let-syntax and letrec-syntax with
// their keywords bound; the keyword bindings are left as written.
func expandLetSyntax(e *expander, form *value.Pair, sc *scope, rec bool) value.Value {
	inner, items := e.c.letSyntaxScope(form, sc, rec)
	return e.listTail([]value.Value{e.head(form, sc), value.StripAliases(items[1])}, e.body(items[2:], inner, form))
}

// expandLetValues expands let-values and let*-values.
func expandLetValues(e *expander, form *value.Pair, sc *scope, star bool) value.Value {
	c := e.c
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: %s needs bindings and a body", form.Car.(*value.Symbol).Name)
	}
	inner := &scope{up: sc}
	outer := sc
	var out []value.Value
	for _, b := range c.list(items[1], form) {
		parts, ok := value.ToSlice(b)
		if !ok || len(parts) != 2 {
			c.errorf(form, "bad syntax: bad binding %s", value.WriteString(b))
		}
		init := e.expr(parts[1], outer)
		if star {
			inner = &scope{up: outer}
			outer = inner
		}
		out = append(out, e.list(e.formals(parts[0], inner, form), init))
	}
	return e.listTail([]value.Value{e.head(form, sc), e.list(out...)}, e.body(items[2:], inner, form))
}

// (receive formals expr body...)
func expandReceive(e *expander, form *value.Pair, sc *scope) value.Value {
	c := e.c
	items := c.list(form, form)
	if len(items) < 4 {
		c.errorf(form, "bad syntax: (receive formals expression body ...)")
	}
	init := e.expr(items[2], sc)
	inner := &scope{up: sc}
	formals := e.formals(items[1], inner, form)
	return e.listTail([]value.Value{e.head(form, sc), formals, init}, e.body(items[3:], inner, form))
}

func expandCaseLambda(e *expander, form *value.Pair, sc *scope) value.Value {
	c := e.c
	out := []value.Value{e.head(form, sc)}
	for _, cl := range c.list(form, form)[1:] {
		parts, ok := value.ToSlice(cl)
		if !ok || len(parts) < 2 {
			c.errorf(form, "bad syntax: bad case-lambda clause %s", value.WriteString(cl))
		}
		inner := &scope{up: sc}
		formals := e.formals(parts[0], inner, form)
		out = append(out, e.cons(formals, e.body(parts[1:], inner, form)))
	}
	return e.list(out...)
}

// finish names the bindings, renaming where printing by name would
// change what refers to what, and replaces the tokens in out.
func (e *expander) finish(out value.Value) value.Value {
	// The names that printing by base name could confuse: only an
	// alias can be captured or capture.
	risky := map[string]bool{}
	for _, t := range e.tokens {
		if id := e.occ[t].id; id.IsAlias() {
			risky[id.Base().Name] = true
		}
	}
	if len(risky) > 0 {
		e.rename(risky)
	}
	final := func(v value.Value) value.Value {
		if t, ok := v.(*value.Symbol); ok {
			if o := e.occ[t]; o != nil {
				return value.Intern(o.name())
			}
		}
		return v
	}
	for _, p := range e.made {
		p.Car, p.Cdr = final(p.Car), final(p.Cdr)
	}
	return final(out)
}

// rename gives new names to bindings until every reference whose name is
// risky finds its own binding by name, and no scope binds a name twice.
func (e *expander) rename(risky map[string]bool) {
	r := &hygieneRenamer{e: e, risky: risky, used: map[string]bool{}, byScope: map[*scope][]*binding{}}
	for _, t := range e.tokens {
		r.used[e.occ[t].id.Base().Name] = true
		if g := e.occ[t].global; g != nil {
			r.used[g.Base().Name] = true
		}
	}
	for _, b := range e.bindList {
		r.byScope[b.sc] = append(r.byScope[b.sc], b)
	}
	for range len(e.bindList) + 1 {
		clashes := r.renameClashes()
		captures := r.renameCaptures()
		if !clashes && !captures {
			return
		}
	}
}

// hygieneRenamer is the state of one rename.
type hygieneRenamer struct {
	e       *expander
	risky   map[string]bool
	used    map[string]bool // every name printed or taken
	byScope map[*scope][]*binding
}

// fresh gives b a new name, name.1, name.2, ..., that nothing has.
func (r *hygieneRenamer) fresh(b *binding) {
	base := b.id.Base().Name
	for i := 1; ; i++ {
		n := base + "." + strconv.Itoa(i)
		if !r.used[n] {
			r.used[n] = true
			b.name = n
			return
		}
	}
}

func isAliasBinding(b *binding) bool { return b != nil && b.id.IsAlias() }

// find returns the binding a reference named name in sc would find.
func (r *hygieneRenamer) find(name string, sc *scope) *binding {
	for s := sc; s != nil; s = s.up {
		bs := r.byScope[s]
		for i := len(bs) - 1; i >= 0; i-- {
			if bs[i].name == name {
				return bs[i]
			}
		}
	}
	return nil
}

// renameClashes renames one of each two bindings of a scope that have
// the same risky name (the macro's, preferably); it reports whether it
// renamed any.
func (r *hygieneRenamer) renameClashes() bool {
	changed := false
	for _, b := range r.e.bindList {
		if !r.risky[b.name] {
			continue
		}
		for _, o := range r.byScope[b.sc] {
			if o != b && o.name == b.name {
				if isAliasBinding(b) {
					r.fresh(b)
				} else {
					r.fresh(o)
				}
				changed = true
				break
			}
		}
	}
	return changed
}

// renameCaptures renames, for each reference that would find another
// binding than its own by name, one of the two (the macro's, preferably);
// it reports whether it renamed any.
func (r *hygieneRenamer) renameCaptures() bool {
	changed := false
	for _, t := range r.e.tokens {
		o := r.e.occ[t]
		if o.sc == nil || !r.risky[o.name()] {
			continue
		}
		found := r.find(o.name(), o.sc)
		if found == o.b {
			continue
		}
		switch {
		case isAliasBinding(found):
			r.fresh(found)
		case isAliasBinding(o.b):
			r.fresh(o.b)
		case found != nil:
			r.fresh(found)
		case o.b != nil:
			r.fresh(o.b)
		default:
			continue
		}
		changed = true
	}
	return changed
}
