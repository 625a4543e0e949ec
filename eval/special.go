package eval

// This file compiles the special forms: the core ones directly into
// nodes, the derived ones by rewriting them into core forms first.

import (
	"contigo/macro"
	"contigo/value"
)

// special is a special form: how the compiler compiles it and how the
// expander (expand.go, macroexpand-all) expands it. Each row of the table
// gives both, so neither can know a form the other does not.
type special struct {
	compile func(c *compiler, form *value.Pair, sc *scope) Node
	expand  func(e *expander, form *value.Pair, sc *scope) value.Value
}

// specialForms is the table of special forms. (It is filled by init
// because its functions refer to it.)
var specialForms map[*value.Symbol]special

func init() {
	rows := map[string]special{
		"quote":         {compileQuote, expandQuote},
		"quasiquote":    {compileQuasiquote, expandQuasiquote},
		"lambda":        {compileLambda, expandLambda},
		"named-lambda":  {compileNamedLambda, expandNamedLambda},
		"define":        misplaced("bad syntax: define is only allowed at top level or at the start of a body"),
		"define-macro":  misplaced("define-macro is only allowed at top level"),
		"define-syntax": misplaced("bad syntax: define-syntax is only allowed at top level or at the start of a body"),
		"syntax-rules":  misplaced("bad syntax: syntax-rules is only allowed as the transformer of a keyword binding"),
		"set!":          {compileSet, expandOperands},
		"if":            {compileIf, expandOperands},
		"begin":         {compileBegin, expandOperands},
		"let":           {compileLet, expandLet},
		"let*":          {compileLetStar, expandLetStar},
		"letrec":        {compileLetrec, expandLetrec},
		"letrec*":       {compileLetrec, expandLetrec},
		"do":            {compileDo, expandDo},
		"cond":          {compileCond, expandCond},
		"case":          {compileCase, expandCase},
		"and":           {func(c *compiler, f *value.Pair, sc *scope) Node { return compileAndOr(c, f, sc, false) }, expandOperands},
		"or":            {func(c *compiler, f *value.Pair, sc *scope) Node { return compileAndOr(c, f, sc, true) }, expandOperands},
		"when":          {func(c *compiler, f *value.Pair, sc *scope) Node { return compileWhen(c, f, sc, true) }, expandOperands},
		"unless":        {func(c *compiler, f *value.Pair, sc *scope) Node { return compileWhen(c, f, sc, false) }, expandOperands},
		"delay":         {compileDelay, expandOperands},
		"delay-force":   {compileDelayForce, expandOperands},
		"parameterize":  {compileParameterize, expandParameterize},
		"let-syntax": {
			func(c *compiler, f *value.Pair, sc *scope) Node { return compileLetSyntax(c, f, sc, false) },
			func(e *expander, f *value.Pair, sc *scope) value.Value { return expandLetSyntax(e, f, sc, false) }},
		"letrec-syntax": {
			func(c *compiler, f *value.Pair, sc *scope) Node { return compileLetSyntax(c, f, sc, true) },
			func(e *expander, f *value.Pair, sc *scope) value.Value { return expandLetSyntax(e, f, sc, true) }},
		"syntax-error": {compileSyntaxError, func(e *expander, f *value.Pair, sc *scope) value.Value {
			compileSyntaxError(e.c, f, sc)
			return nil
		}},
		// The R7RS forms of special_r7rs.go.
		"let-values": {compileLetValues,
			func(e *expander, f *value.Pair, sc *scope) value.Value { return expandLetValues(e, f, sc, false) }},
		"let*-values": {compileLetStarValues,
			func(e *expander, f *value.Pair, sc *scope) value.Value { return expandLetValues(e, f, sc, true) }},
		"receive":     {compileReceive, expandReceive},
		"case-lambda": {compileCaseLambda, expandCaseLambda},
		// These expand to themselves: expanding them would read files
		// or load libraries.
		"include":        {func(c *compiler, f *value.Pair, sc *scope) Node { return compileInclude(c, f, sc, false) }, expandVerbatim},
		"include-ci":     {func(c *compiler, f *value.Pair, sc *scope) Node { return compileInclude(c, f, sc, true) }, expandVerbatim},
		"import":         {compileImport, expandVerbatim},
		"define-library": {compileDefineLibrary, expandVerbatim},
	}
	specialForms = make(map[*value.Symbol]special, len(rows))
	for name, sf := range rows {
		specialForms[value.Intern(name)] = sf
	}
}

// misplaced is the special form of a keyword that has a meaning only in
// some places (define in a body), used anywhere else: a syntax error.
func misplaced(msg string) special {
	return special{
		compile: func(c *compiler, form *value.Pair, sc *scope) Node {
			c.errorf(form, "%s", msg)
			return nil
		},
		expand: func(e *expander, form *value.Pair, sc *scope) value.Value {
			e.c.errorf(form, "%s", msg)
			return nil
		},
	}
}

// rewrite compiles a form built from form's pieces, giving its new pairs
// form's position.
func (c *compiler) rewrite(out value.Value, sc *scope) Node {
	macro.Positions(out, c.src, c.pos)
	return c.compile(out, sc)
}

func compileQuote(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) != 2 {
		c.errorf(form, "bad syntax: quote takes one datum")
	}
	return &Const{v: value.StripAliases(items[1])}
}

func compileQuasiquote(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) != 2 {
		c.errorf(form, "bad syntax: quasiquote takes one template")
	}
	out, err := macro.Quasiquote(items[1], func(v value.Value, kw *value.Symbol) bool {
		return c.isKeyword(v, sc, kw)
	})
	if err != nil {
		c.errorf(form, "%v", err)
	}
	return c.rewrite(out, sc)
}

// lambdaScope builds the scope of a lambda's parameters.
func (c *compiler) lambdaScope(params value.Value, sc *scope, form value.Value) (*scope, int, bool) {
	inner := &scope{up: sc}
	n := 0
	for {
		switch p := params.(type) {
		case *value.Empty:
			return inner, n, false
		case *value.Symbol:
			inner.add(p, false)
			return inner, n, true
		case *value.Pair:
			sym, ok := p.Car.(*value.Symbol)
			if !ok {
				c.errorf(form, "bad syntax: parameter must be a symbol, got %s", value.WriteString(p.Car))
			}
			for _, prev := range inner.names {
				if prev == sym {
					c.errorf(form, "bad syntax: duplicate parameter %s", sym.Name)
				}
			}
			inner.add(sym, false)
			n++
			params = p.Cdr
		default:
			c.errorf(form, "bad syntax: bad parameter list %s", value.WriteString(params))
		}
	}
}

func (c *compiler) lambda(params value.Value, body []value.Value, sc *scope, form value.Value, name string) *Lambda {
	inner, n, rest := c.lambdaScope(params, sc, form)
	lam := &Lambda{nparams: n, rest: rest, name: name, site: c.site()}
	oldName := c.name
	c.name = name
	if name == "" {
		c.name = "#<lambda>"
	}
	if params == value.Value(value.Nil) && len(body) > 0 && !c.mayDefine(body, sc) {
		// A thunk whose body cannot define anything needs no record of
		// its own: it runs in its closure's environment.
		lam.noScope = true
		own := &scope{up: sc, transparent: true}
		lam.body = c.body(body, own, form)
		c.name = oldName
		lam.closeIfFree(own, sc)
		return lam
	}
	lam.body = c.markTails(c.body(body, inner, form), 1)
	c.name = oldName
	lam.frameSize = len(inner.names)
	lam.closeIfFree(inner, sc)
	return lam
}

// closeIfFree gives lam its one closure (Lambda.closed) if it is nested
// in a scope (at top level the environment is none anyway) and nothing
// in its body, own, reached through it to an enclosing variable.
func (lam *Lambda) closeIfFree(own, enclosing *scope) {
	if enclosing != nil && !own.reachedThrough {
		lam.closed = &Closure{lam: lam}
	}
}

// definingForms are the keywords whose use in a body may define a
// variable there.
var definingForms = map[*value.Symbol]bool{}

func init() {
	for _, name := range []string{"define", "begin", "define-values", "define-record-type",
		"define-syntax", "define-macro", "include", "include-ci", "cond-expand"} {
		definingForms[value.Intern(name)] = true
	}
}

// mayDefine reports whether a body might contain a definition: a form
// headed by a defining keyword or by any macro (which could expand into
// one). It answers before the body is compiled, so it is conservative.
func (c *compiler) mayDefine(forms []value.Value, sc *scope) bool {
	for _, f := range forms {
		p, ok := f.(*value.Pair)
		if !ok {
			continue
		}
		id, ok := p.Car.(*value.Symbol)
		if !ok {
			continue
		}
		r := c.resolve(id, sc)
		if r.kind == refLocal {
			continue
		}
		if c.macroOf(r) != nil || (r.kind == refGlobal && definingForms[r.sym]) {
			return true
		}
	}
	return false
}

func compileLambda(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: lambda needs parameters and a body")
	}
	name := ""
	if s, ok := form.Car.(*value.Symbol); ok && s.IsAlias() && c.name != "" && c.name != "#<lambda>" {
		// A lambda that a macro wrote (the thunks of guard or
		// parameterize): in backtraces its frames belong to the
		// procedure the user wrote around it.
		name = c.name
	}
	return c.lambda(items[1], items[2:], sc, form, name)
}

func compileNamedLambda(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: (named-lambda (name . params) body...)")
	}
	head, ok := items[1].(*value.Pair)
	if !ok {
		c.errorf(form, "bad syntax: (named-lambda (name . params) body...)")
	}
	name, _ := head.Car.(*value.Symbol)
	if name == nil {
		c.errorf(form, "bad syntax: named-lambda name must be a symbol")
	}
	return c.lambda(head.Cdr, items[2:], sc, form, name.ProcName())
}

func compileSet(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) != 3 {
		c.errorf(form, "bad syntax: (set! variable expression)")
	}
	sym, ok := items[1].(*value.Symbol)
	if !ok {
		c.errorf(form, "bad syntax: set! of a non-variable %s", value.WriteString(items[1]))
	}
	val := c.compile(items[2], sc)
	r := c.resolve(sym, sc)
	switch r.kind {
	case refLocal:
		return &SetLocal{depth: r.depth, i: r.index, val: val, site: c.site()}
	case refKeyword:
		c.errorf(form, "bad syntax: set! of macro %s", sym.Name)
	}
	g := c.in.global(r.sym)
	if g.Macro != nil {
		c.errorf(form, "bad syntax: set! of macro %s", sym.Name)
	}
	if c.frozen.frozen(g) {
		c.errorf(form, "set!: cannot assign %s: it is immutable in %s", sym.Name, c.frozen.SchemeString())
	}
	return &SetGlobal{g: g, val: val, site: c.site()}
}

func compileIf(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) != 3 && len(items) != 4 {
		c.errorf(form, "bad syntax: (if test consequent [alternative])")
	}
	n := &If{test: c.compile(items[1], sc), then: c.compile(items[2], sc), site: c.site()}
	if len(items) == 4 {
		n.els = c.compile(items[3], sc)
	} else {
		n.els = &Const{v: value.Unspecified}
	}
	return specializeIf(n)
}

func compileBegin(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)[1:]
	if len(items) == 0 {
		return &Const{v: value.Unspecified}
	}
	return c.sequence(items, sc)
}

func (c *compiler) sequence(forms []value.Value, sc *scope) Node {
	nodes := make([]Node, len(forms))
	for i, f := range forms {
		nodes[i] = c.compile(f, sc)
	}
	if len(nodes) == 1 {
		return nodes[0]
	}
	return &Seq{body: nodes, site: c.site()}
}

// bindings parses ((var init) ...) into names and init expressions.
func (c *compiler) bindings(v value.Value, form value.Value) ([]*value.Symbol, []value.Value) {
	var names []*value.Symbol
	var inits []value.Value
	for _, b := range c.list(v, form) {
		items, ok := value.ToSlice(b)
		if !ok || len(items) < 1 || len(items) > 2 {
			c.errorf(form, "bad syntax: bad binding %s", value.WriteString(b))
		}
		sym, ok := items[0].(*value.Symbol)
		if !ok {
			c.errorf(form, "bad syntax: cannot bind %s", value.WriteString(items[0]))
		}
		names = append(names, sym)
		if len(items) == 2 {
			inits = append(inits, items[1])
		} else {
			inits = append(inits, value.List(coreQuote, value.Unspecified))
		}
	}
	return names, inits
}

func compileLet(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: let needs bindings and a body")
	}
	if name, ok := items[1].(*value.Symbol); ok {
		return c.namedLet(name, items, sc, form)
	}
	names, inits := c.bindings(items[1], form)
	n := &Let{site: c.site()}
	outer := c.letInits
	c.letInits = append(outer[:len(outer):len(outer)], names...)
	for i, init := range inits {
		n.inits = append(n.inits, c.compileNamed(init, sc, names[i].ProcName()))
	}
	c.letInits = outer
	inner := &scope{up: sc}
	for _, name := range names {
		for _, prev := range inner.names {
			if prev == name {
				c.errorf(form, "bad syntax: duplicate binding of %s", name.Name)
			}
		}
		inner.add(name, false)
	}
	n.body = c.markTails(c.body(items[2:], inner, form), 1)
	n.frameSize = len(inner.names)
	return n
}

// namedLet compiles (let name ((v init) ...) body...) as
// ((letrec ((name (lambda (v ...) body...))) name) init ...).
func (c *compiler) namedLet(name *value.Symbol, items []value.Value, sc *scope, form value.Value) Node {
	if len(items) < 4 {
		c.errorf(form, "bad syntax: named let needs bindings and a body")
	}
	names, inits := c.bindings(items[2], form)
	params := make([]value.Value, len(names))
	for i, n := range names {
		params[i] = n
	}
	lam := value.Cons(coreLambda, value.Cons(value.List(params...), value.List(items[3:]...)))
	loop := value.List(coreLetrec, value.List(value.List(name, lam)), name)
	return c.rewrite(value.Cons(loop, value.List(inits...)), sc)
}

func compileLetStar(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: let* needs bindings and a body")
	}
	bs := c.list(items[1], form)
	if len(bs) <= 1 {
		return c.rewrite(value.Cons(coreLet, value.Cons(items[1], value.List(items[2:]...))), sc)
	}
	inner := value.Cons(coreLetStar, value.Cons(value.List(bs[1:]...), value.List(items[2:]...)))
	return c.rewrite(value.List(coreLet, value.List(bs[0]), inner), sc)
}

func compileLetrec(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: letrec needs bindings and a body")
	}
	names, inits := c.bindings(items[1], form)
	inner := &scope{up: sc}
	for _, name := range names {
		inner.add(name, true)
	}
	slots := make([]int, len(names))
	for i := range slots {
		slots[i] = i
	}
	c.uncheckIfNoEarlyReads(inner, slots, inits)
	var nodes []Node
	for i, init := range inits {
		nodes = append(nodes, &SetLocal{depth: 0, i: i, val: c.compileNamed(init, inner, names[i].ProcName()), site: c.site()})
	}
	body := c.body(items[2:], inner, form)
	nodes = append(nodes, body)
	return &Block{frameSize: len(inner.names), body: c.markTails(&Seq{body: nodes, site: c.site()}, 1)}
}

// compileDo rewrites (do ((var init step) ...) (test expr ...) body ...)
// into a named let.
func compileDo(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: (do ((var init step) ...) (test expr ...) body ...)")
	}
	loop := value.Gensym("do") // shows as do in backtraces
	var binds, steps []value.Value
	for _, spec := range c.list(items[1], form) {
		parts, ok := value.ToSlice(spec)
		if !ok || len(parts) < 2 || len(parts) > 3 {
			c.errorf(form, "bad syntax: bad do binding %s", value.WriteString(spec))
		}
		binds = append(binds, value.List(parts[0], parts[1]))
		if len(parts) == 3 {
			steps = append(steps, parts[2])
		} else {
			steps = append(steps, parts[0])
		}
	}
	exit := c.list(items[2], form)
	if len(exit) == 0 {
		c.errorf(form, "bad syntax: do needs a termination clause")
	}
	var result value.Value = value.List(coreQuote, value.Unspecified)
	if len(exit) > 1 {
		result = value.Cons(coreBegin, value.List(exit[1:]...))
	}
	again := value.Cons(loop, value.List(steps...))
	var step value.Value = again
	if len(items) > 3 {
		step = value.Cons(coreBegin, value.ListTail(items[3:], value.List(again)))
	}
	body := value.List(coreIf, exit[0], result, step)
	return c.rewrite(value.List(coreLet, loop, value.List(binds...), body), sc)
}

func compileCond(c *compiler, form *value.Pair, sc *scope) Node {
	clauses := c.list(form, form)[1:]
	return c.condClauses(clauses, sc, form)
}

func (c *compiler) condClauses(clauses []value.Value, sc *scope, form value.Value) Node {
	if len(clauses) == 0 {
		return &Const{v: value.Unspecified}
	}
	old := c.at(clauses[0])
	defer func() { c.pos = old }()
	parts, ok := value.ToSlice(clauses[0])
	if !ok || len(parts) == 0 {
		c.errorf(form, "bad syntax: bad cond clause %s", value.WriteString(clauses[0]))
	}
	if c.isKeyword(parts[0], sc, symElse) {
		if len(clauses) > 1 {
			c.errorf(form, "bad syntax: else clause must be last in cond")
		}
		if len(parts) == 1 {
			c.errorf(form, "bad syntax: empty else clause")
		}
		return c.sequence(parts[1:], sc)
	}
	test := c.compile(parts[0], sc)
	rest := c.condClauses(clauses[1:], sc, form)
	if len(parts) == 1 {
		// (test): the value of test if true.
		return &ShortCircuit{parts: []Node{test, rest}, stopOn: true, site: c.site()}
	}
	if c.isKeyword(parts[1], sc, symArrow) {
		if len(parts) != 3 {
			c.errorf(form, "bad syntax: (test => receiver)")
		}
		return &CondArrow{test: test, recv: c.compile(parts[2], sc), rest: rest, site: c.site()}
	}
	return specializeIf(&If{test: test, then: c.sequence(parts[1:], sc), els: rest, site: c.site()})
}

func compileCase(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 2 {
		c.errorf(form, "bad syntax: case needs a key")
	}
	n := &Case{key: c.compile(items[1], sc), site: c.site()}
	for i, cl := range items[2:] {
		parts, ok := value.ToSlice(cl)
		if !ok || len(parts) < 2 {
			c.errorf(form, "bad syntax: bad case clause %s", value.WriteString(cl))
		}
		arrow := c.isKeyword(parts[1], sc, symArrow)
		var body Node
		if arrow {
			if len(parts) != 3 {
				c.errorf(form, "bad syntax: (datums => receiver)")
			}
			body = c.compile(parts[2], sc)
		} else {
			body = c.sequence(parts[1:], sc)
		}
		if c.isKeyword(parts[0], sc, symElse) {
			if i != len(items)-3 {
				c.errorf(form, "bad syntax: else clause must be last in case")
			}
			n.els, n.elsArrow = body, arrow
			continue
		}
		datums, ok := value.ToSlice(value.StripAliases(parts[0]))
		if !ok {
			c.errorf(form, "bad syntax: case clause needs a list of datums")
		}
		n.datums = append(n.datums, datums)
		n.bodies = append(n.bodies, body)
		n.arrow = append(n.arrow, arrow)
	}
	return n
}

func compileAndOr(c *compiler, form *value.Pair, sc *scope, or bool) Node {
	items := c.list(form, form)[1:]
	switch len(items) {
	case 0:
		return &Const{v: !or}
	case 1:
		return c.compile(items[0], sc)
	}
	n := &ShortCircuit{stopOn: or, site: c.site()}
	for _, it := range items {
		n.parts = append(n.parts, c.compile(it, sc))
	}
	return n
}

func compileWhen(c *compiler, form *value.Pair, sc *scope, when bool) Node {
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: %s needs a test and a body", form.Car.(*value.Symbol).Name)
	}
	body := c.sequence(items[2:], sc)
	n := &If{test: c.compile(items[1], sc), site: c.site()}
	if when {
		n.then, n.els = body, &Const{v: value.Unspecified}
	} else {
		n.then, n.els = &Const{v: value.Unspecified}, body
	}
	return specializeIf(n)
}

var (
	coreMakeReadyPromise = core("%make-ready-promise")
	coreMakeLazyPromise  = core("%make-lazy-promise")
)

// (delay e) = (%make-lazy-promise (lambda () (make-promise e))) and
// (delay-force e) = (%make-lazy-promise (lambda () e)), as in the report's
// reference implementation (7.3).
func compileDelay(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) != 2 {
		c.errorf(form, "bad syntax: (delay expression)")
	}
	thunk := value.List(coreLambda, value.Nil, value.List(coreMakeReadyPromise, items[1]))
	return c.rewrite(value.List(coreMakeLazyPromise, thunk), sc)
}

func compileDelayForce(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) != 2 {
		c.errorf(form, "bad syntax: (delay-force expression)")
	}
	thunk := value.List(coreLambda, value.Nil, items[1])
	return c.rewrite(value.List(coreMakeLazyPromise, thunk), sc)
}

// (parameterize ((p v) ...) body...) =
// (%parameterize (list p ...) (list v ...) (lambda () body...)).
func compileParameterize(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: parameterize needs bindings and a body")
	}
	var ps, vs []value.Value
	for _, b := range c.list(items[1], form) {
		parts, ok := value.ToSlice(b)
		if !ok || len(parts) != 2 {
			c.errorf(form, "bad syntax: bad parameterize binding %s", value.WriteString(b))
		}
		ps = append(ps, parts[0])
		vs = append(vs, parts[1])
	}
	list := core("%list")
	thunk := value.Cons(coreLambda, value.Cons(value.Nil, value.List(items[2:]...)))
	out := value.List(core("%parameterize"), value.Cons(list, value.List(ps...)), value.Cons(list, value.List(vs...)), thunk)
	return c.rewrite(out, sc)
}
