package eval

// This file compiles Scheme data into nodes. Each top-level form is
// analysed once: variables are resolved to (depth, index) slots or global
// cells, macros are expanded, and derived forms are rewritten into the
// few node types of node.go.

import (
	"errors"
	"fmt"
	"sync/atomic"

	"contigo/macro"
	"contigo/value"
)

// Macro is a keyword's binding: define-macro or syntax-rules.
type Macro = macro.Macro

// scope is the compile-time picture of one run-time environment record.
// Identifiers are resolved against it by resolve (syntax.go), which also
// understands the aliases of syntax-rules expansions.
type scope struct {
	names   []*value.Symbol
	checked []bool // slot may be read before it is initialised
	// keywords holds the syntactic keywords bound in this region
	// (let-syntax, letrec-syntax, internal define-syntax). They have no
	// slot and shadow a variable of the same name in this scope.
	keywords map[*value.Symbol]*Macro
	up       *scope
	// transparent marks the scope of a thunk that runs in its closure's
	// environment: it has no run-time record, so lookups pass through it
	// without counting a level, and it can hold no variables.
	transparent bool
	// reachedThrough is set when code inside this scope refers to a
	// variable of an enclosing one: a lambda whose scope is not reached
	// through needs no environment (see Lambda.closed).
	reachedThrough bool
}

func (s *scope) add(name *value.Symbol, checked bool) int {
	if s.transparent {
		panic("eval: variable added to a transparent scope")
	}
	for i, n := range s.names {
		if n == name {
			return i
		}
	}
	s.names = append(s.names, name)
	s.checked = append(s.checked, checked)
	return len(s.names) - 1
}

// lookup finds a lexical variable by exact identifier (no alias
// resolution, keywords ignored): its depth, slot and whether reads must
// check it is initialised. Most callers want compiler.resolve.
func (s *scope) lookup(name *value.Symbol) (depth, index int, checked, ok bool) {
	for d := 0; s != nil; s = s.up {
		for i := len(s.names) - 1; i >= 0; i-- {
			if s.names[i] == name {
				return d, i, s.checked[i], true
			}
		}
		if !s.transparent {
			d++
		}
	}
	return 0, 0, false, false
}

type compiler struct {
	in   *Interp
	src  value.SourceMap
	pos  value.Pos // position of the innermost form with a known one
	name string    // the enclosing procedure's name, for backtraces
	// frozen is the environment eval compiles in, whose bindings set!
	// must not change (nil: none).
	frozen *Environment
	// letInits holds the variables of the lets whose inits are being
	// compiled: a free reference to one of them is most likely meant
	// for the let's binding, which its inits cannot see (let* can).
	letInits []*value.Symbol

	// expanded, if not nil, gets every macro use this compiler expands,
	// with its expansion: recording a library body's image
	// (image_expand.go).
	expanded map[*value.Pair]value.Value

	// depth counts the expressions being compiled inside one another
	// and expansions the macro uses being expanded inside one another;
	// both are bounded, so that deep or endlessly expanding code gets an
	// error instead of exhausting the Go stack.
	depth, expansions int
}

// maxNesting bounds how deeply expressions may nest in a program (the
// compiler recurses on the Go stack, about 1 KB a level); quoted data
// may nest as deeply as memory allows.
const maxNesting = 100_000

// maxExpansions bounds how many macro uses may be expanded one inside
// the other's expansion (or one after another at the same place), which
// only a macro whose expansion never ends comes near.
const maxExpansions = 20_000

// compileError is how the compiler reports a syntax error: it panics with
// one and compileTop recovers it.
type compileError struct{ err *Error }

func (c *compiler) errorf(form value.Value, format string, args ...any) {
	pos := c.pos
	if p, ok := c.src.Lookup(form); ok {
		pos = p
	}
	msg := fmt.Sprintf(format, args...)
	panic(&compileError{&Error{Payload: &value.ErrorObject{Message: msg, Pos: pos, Kind: "syntax-error"}, Msg: msg, Pos: pos}})
}

func (c *compiler) site() site { return site{pos: c.pos, name: c.name, lib: isLibPos(c.pos)} }

// at moves the current position to form's, if known, returning the old
// one for restoring.
func (c *compiler) at(form value.Value) value.Pos {
	old := c.pos
	if p, ok := c.src.Lookup(form); ok {
		c.pos = p
	}
	return old
}

// compileTop compiles a top-level form read at pos (the zero Pos if not
// known), src giving the positions of its pairs (may be nil).
func (in *Interp) compileTop(datum value.Value, src value.SourceMap, pos value.Pos) (node Node, err error) {
	if src == nil {
		src = value.SourceMap{}
	}
	c := &compiler{in: in, src: src, pos: pos}
	return c.compileTop(datum)
}

// compileTop compiles a top-level form with c, returning a syntax error
// (or an interrupted expansion) as an error.
func (c *compiler) compileTop(datum value.Value) (node Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			switch x := r.(type) {
			case *compileError:
				node, err = nil, x.err
			case expandInterrupted:
				node, err = nil, c.in.interruptError()
			case *exitSignal, *fault:
				panic(r)
			default:
				// A Go panic in the compiler is a bug: report it as
				// one, positioned at the form being compiled.
				e := internalError(r)
				e.Pos = c.pos
				node, err = nil, newError(e, raisePoint{})
			}
		}
	}()
	return c.toplevel(datum), nil
}

// The keywords that mean something to the compiler outside the special
// forms' table: those of definitions and bodies ...
var (
	symDefine       = value.Intern("define")
	symBegin        = value.Intern("begin")
	symDefineMacro  = value.Intern("define-macro")
	symDefineSyntax = value.Intern("define-syntax")
	symSyntaxRules  = value.Intern("syntax-rules")
	symLambda       = value.Intern("lambda")
	symQuote        = value.Intern("quote")
)

// ... and those inside other forms.
var (
	symElse   = value.Intern("else")
	symArrow  = value.Intern("=>")
	symLetrec = value.Intern("letrec")
	symLet    = value.Intern("let")
	symIf     = value.Intern("if")
	symDot3   = value.Intern("...")
)

// Core identifiers for the compiler's own rewrites: aliases resolved in
// the global environment, so a derived form keeps its meaning where the
// user has bound lambda, if, let, ... locally.
var (
	coreLambda  = core("lambda")
	coreLetrec  = core("letrec")
	coreLet     = core("let")
	coreLetStar = core("let*")
	coreBegin   = core("begin")
	coreIf      = core("if")
	coreQuote   = core("quote")
)

func core(name string) *value.Symbol { return value.NewAlias(value.Intern(name), nil) }

// toplevel compiles a form at top level, where some mean something
// different: definitions make globals, and define-macro and define-syntax
// take effect before the following forms are compiled.
func (c *compiler) toplevel(x value.Value) Node {
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > maxNesting {
		c.errorf(x, "nesting too deep: more than %d levels of nested expressions", maxNesting)
	}
	x = c.expand(x, nil)
	p, ok := x.(*value.Pair)
	if ok && c.isKeyword(p.Car, nil, symBegin) {
		forms := c.list(p.Cdr, x)
		c.declareAliases(forms)
		nodes := make([]Node, 0, len(forms))
		for _, f := range forms {
			nodes = append(nodes, c.toplevel(f))
		}
		if len(nodes) == 0 {
			return &Const{v: value.Unspecified}
		}
		return &Seq{body: nodes, site: c.site()}
	}
	if ok && c.isKeyword(p.Car, nil, symDefineMacro) {
		c.defineMacro(p)
		return &Const{v: value.Unspecified}
	}
	if ok && c.isKeyword(p.Car, nil, symDefineSyntax) {
		name, m := c.defineSyntax(p, nil)
		g := c.in.global(name)
		c.in.syntaxChange(g, false)
		g.Macro = m
		g.set(nil)
		return &Const{v: value.Unspecified}
	}
	if ok && c.isKeyword(p.Car, nil, symDefine) {
		old := c.at(x)
		defer func() { c.pos = old }()
		name, valForm := c.parseDefine(p)
		g := c.in.global(name)
		if g.Macro != nil {
			c.in.syntaxChange(g, false)
		}
		g.Macro = nil
		val := c.compileNamed(valForm, nil, name.ProcName())
		return &SetGlobal{g: g, val: val, define: true, site: c.site()}
	}
	return c.compile(x, nil)
}

// isKeyword reports whether head is an identifier meaning the global
// keyword kw: the symbol kw, or an alias of it, not shadowed by a lexical
// binding.
func (c *compiler) isKeyword(head value.Value, sc *scope, kw *value.Symbol) bool {
	id, ok := head.(*value.Symbol)
	if !ok || id.Base() != kw {
		return false
	}
	r := c.resolve(id, sc)
	return r.kind == refGlobal && r.sym == kw
}

// expand macro-expands x at its head until it is not a macro use.
func (c *compiler) expand(x value.Value, sc *scope) value.Value {
	outer := c.expansions
	defer func() { c.expansions = outer }()
	for {
		p, ok := x.(*value.Pair)
		if !ok {
			return x
		}
		id, ok := p.Car.(*value.Symbol)
		if !ok {
			return x
		}
		m := c.macroOf(c.resolve(id, sc))
		if m == nil {
			return x
		}
		c.expansions++
		x = c.expandMacro(m, x, id, sc)
	}
}

// expandMacro expands one use x of the macro m, named by id in scope sc.
func (c *compiler) expandMacro(m *Macro, x value.Value, id *value.Symbol, sc *scope) value.Value {
	old := c.at(x)
	if c.expansions > maxExpansions {
		c.errorf(x, "macro expansion too deep: more than %d nested expansions (does the expansion of %s never end?)", maxExpansions, id.Base().Name)
	}
	if atomic.LoadInt32(&c.in.interrupted) != 0 {
		panic(expandInterrupted{})
	}
	var out value.Value
	var err error
	if m.Rules != nil {
		env, _ := m.Rules.Env.(*scope)
		out, err = m.Rules.Expand(x, func(lit, in *value.Symbol) bool {
			return c.sameBinding(lit, env, in, sc)
		})
		if err != nil {
			c.errorf(x, "bad syntax: %v", err)
		}
	} else {
		out, err = m.Expand(x, c.in)
		if err != nil {
			c.expandError(x, id, err)
		}
	}
	macro.Positions(out, c.src, c.pos)
	if p, ok := x.(*value.Pair); ok && c.expanded != nil {
		if _, seen := c.expanded[p]; !seen {
			c.expanded[p] = out
		}
	}
	c.pos = old
	return out
}

func (c *compiler) expandError(form value.Value, sym *value.Symbol, err error) {
	if err == c.in.interruptError() {
		// The transformer was interrupted (Ctrl-C, a time limit): that
		// stops the whole evaluation, not just this expansion.
		panic(expandInterrupted{})
	}
	if e, ok := err.(*Error); ok {
		if !e.Pos.IsValid() {
			e.Pos = c.pos
		}
		e.Msg = "in expansion of " + sym.Name + ": " + e.Msg
		panic(&compileError{e})
	}
	c.errorf(form, "in expansion of %s: %v", sym.Name, err)
}

// list returns the elements of a proper list or reports a syntax error.
func (c *compiler) list(v value.Value, form value.Value) []value.Value {
	items, ok := value.ToSlice(v)
	if !ok {
		c.errorf(form, "bad syntax (not a proper list): %s", value.ShortText(value.WriteString(form), 80))
	}
	return items
}

// compile compiles an expression in scope sc.
func (c *compiler) compile(x value.Value, sc *scope) Node {
	n := c.compileForm(x, sc)
	if c.in.general && !n.immediate() {
		return generalNode{n}
	}
	return n
}

func (c *compiler) compileForm(x value.Value, sc *scope) Node {
	switch v := x.(type) {
	case *value.Symbol:
		return c.variable(v, sc)
	case *value.Pair:
		old := c.at(x)
		c.depth++
		defer func() { c.pos = old; c.depth-- }()
		if c.depth > maxNesting {
			c.errorf(x, "nesting too deep: more than %d levels of nested expressions", maxNesting)
		}
		if id, ok := v.Car.(*value.Symbol); ok {
			r := c.resolve(id, sc)
			if m := c.macroOf(r); m != nil {
				c.expansions++
				defer func() { c.expansions-- }()
				return c.compile(c.expandMacro(m, x, id, sc), sc)
			}
			if r.kind == refGlobal {
				if sf, ok := specialForms[r.sym]; ok {
					if g, _ := c.in.globalOf(r.sym); g == nil || g.Value == nil {
						return sf.compile(c, v, sc)
					}
				}
			}
		}
		return c.application(v, sc)
	case *value.Vector:
		return &Const{v: value.StripAliases(v)}
	case *value.Empty:
		c.errorf(x, "empty combination (): missing procedure")
	case *value.MultipleValues:
		c.errorf(x, "multiple values cannot be evaluated")
	}
	return &Const{v: x}
}

// compileNamed compiles x, naming it if it is a lambda expression.
func (c *compiler) compileNamed(x value.Value, sc *scope, name string) Node {
	if lam := c.lazyLambda(x, sc, name); lam != nil {
		return lam
	}
	if p, ok := x.(*value.Pair); ok && c.isKeyword(p.Car, sc, symLambda) {
		old := c.at(x)
		defer func() { c.pos = old }()
		items := c.list(p, p)
		if len(items) < 3 {
			c.errorf(p, "bad syntax: lambda needs parameters and a body")
		}
		return c.lambda(items[1], items[2:], sc, p, name)
	}
	n := c.compile(x, sc)
	if l, ok := n.(*Lambda); ok && l.name == "" {
		l.name = name
	}
	return n
}

func (c *compiler) variable(id *value.Symbol, sc *scope) Node {
	r := c.resolve(id, sc)
	switch r.kind {
	case refLocal:
		depth, i := r.depth, r.index
		switch {
		case r.checked:
			return &LocalChecked{depth: depth, i: i, name: id.Base(), site: c.site()}
		case depth == 0:
			return &Local0{i: i}
		case depth == 1:
			return &Local1{i: i}
		case depth == 2:
			return &Local2{i: i}
		default:
			return &LocalN{depth: depth, i: i}
		}
	case refKeyword:
		c.errorf(id, "bad syntax: %s is a macro, not a variable", id.Name)
	}
	sym := r.sym
	if _, ok := specialForms[sym]; ok {
		if g, _ := c.in.globalOf(sym); g == nil || g.Value == nil {
			c.errorf(sym, "bad syntax: %s is a special form, not a variable", sym.Name)
		}
	}
	g := c.in.global(sym)
	if g.Macro != nil {
		c.errorf(sym, "bad syntax: %s is a macro, not a variable", sym.Name)
	}
	ref := &GlobalRef{g: g, site: c.site()}
	for _, v := range c.letInits {
		if v.Base() == sym.Base() {
			ref.letInit = true
		}
	}
	return ref
}

func (c *compiler) application(form *value.Pair, sc *scope) Node {
	if !c.in.general {
		if n := c.inlineCallCC(form, sc); n != nil {
			return n
		}
	}
	items := c.list(form, form)
	args := make([]Node, 0, len(items))
	spine := form.Cdr
	for range items[1:] {
		p := spine.(*value.Pair)
		old := c.at(p)
		args = append(args, c.compile(p.Car, sc))
		c.pos = old
		spine = p.Cdr
	}
	fn := c.compile(items[0], sc)
	s := c.site()
	all := append(args, fn)
	if gr, ok := fn.(*GlobalRef); ok && len(args) > 0 && !c.in.general {
		if prim, isPrim := gr.g.Value.(*value.Primitive); isPrim {
			if allImmediate(args) {
				pc := &PrimCall{g: gr.g, prim: prim, args: args, app: App{all: all, site: s}, site: s}
				var node Node = pc
				var bet assumption = pc
				if op := c.in.inlineOps[prim]; op != opNone {
					if ic := newInlineCall(pc, op); ic != nil {
						pc, node, bet = &ic.PrimCall, ic, ic
					}
				}
				adopt(pc, args)
				gr.g.rely(bet)
				return node
			}
			if ps := newPrimStep(gr.g, prim, c.in.inlineOps[prim], args, fn, s); ps != nil {
				return ps
			}
		}
	}
	if gr, ok := fn.(*GlobalRef); ok && len(args) > 0 && !c.in.general && allImmediate(args) {
		if lc := newLeafCall(gr.g, gr.g.Value, args, all, s); lc != nil {
			adopt(&lc.PrimCall, args)
			return lc
		}
	}
	direct := !c.in.general
	for _, a := range all {
		if !a.immediate() {
			direct = false
			break
		}
	}
	app := &App{all: all, direct: direct, pureOp: fn.pure(), site: s}
	if op, ok := fn.(*GlobalRef); ok {
		app.pureOp, app.opGlobal = true, op.g
		if _, prim := op.g.Value.(*value.Primitive); !prim && !direct && !c.in.general && len(args) > 0 {
			return &AppAhead{App: *app}
		}
	}
	return app
}

// allImmediate reports whether every node of args evaluates at once.
func allImmediate(args []Node) bool {
	for _, a := range args {
		if !a.immediate() {
			return false
		}
	}
	return true
}

// adopt makes pc the parent of the calls among its operands that are
// evaluated at once, so that demoting one of them demotes pc too.
func adopt(pc *PrimCall, args []Node) {
	for _, a := range args {
		switch child := a.(type) {
		case *PrimCall:
			child.parent = pc
		case *InlineCall:
			child.parent = pc
		case *LeafCall:
			child.parent = pc
		}
	}
}

// body compiles a lambda or let body in scope sc (already holding the
// parameters). Internal definitions become slots of sc, initialised in
// order (letrec* semantics); definitions may be mixed with expressions.
func (c *compiler) body(forms []value.Value, sc *scope, form value.Value) Node {
	if len(forms) == 0 {
		c.errorf(form, "bad syntax: empty body")
	}
	type item struct {
		def  *value.Symbol
		expr value.Value
		pos  value.Pos
	}
	var items []item
	var scan func(forms []value.Value)
	scan = func(forms []value.Value) {
		for _, f := range forms {
			old := c.at(f)
			f = c.expand(f, sc)
			p, ok := f.(*value.Pair)
			switch {
			case ok && c.isKeyword(p.Car, sc, symBegin):
				scan(c.list(p.Cdr, f))
			case ok && c.isKeyword(p.Car, sc, symDefine):
				name, val := c.parseDefine(p)
				sc.add(name, true)
				delete(sc.keywords, name)
				items = append(items, item{def: name, expr: val, pos: c.pos})
			case ok && c.isKeyword(p.Car, sc, symDefineSyntax):
				name, m := c.defineSyntax(p, sc)
				if sc.keywords == nil {
					sc.keywords = map[*value.Symbol]*Macro{}
				}
				sc.keywords[name] = m
			case ok && c.isKeyword(p.Car, sc, symDefineMacro):
				c.errorf(f, "define-macro is only allowed at top level")
			default:
				items = append(items, item{expr: f, pos: c.pos})
			}
			c.pos = old
		}
	}
	scan(forms)
	// Unless an expression comes before the last definition, the
	// definitions are initialised as a letrec* is.
	var slots []int
	var inits []value.Value
	for _, it := range items {
		if it.def == nil {
			inits = append(inits, nil) // runs code
			continue
		}
		_, i, _, _ := sc.lookup(it.def)
		slots, inits = append(slots, i), append(inits, it.expr)
	}
	for len(inits) > 0 && inits[len(inits)-1] == nil {
		inits = inits[:len(inits)-1] // expressions after the definitions
	}
	c.uncheckIfNoEarlyReads(sc, slots, inits)
	nodes := make([]Node, 0, len(items))
	for _, it := range items {
		old := c.pos
		c.pos = it.pos
		if it.def != nil {
			_, i, _, _ := sc.lookup(it.def)
			val := c.compileNamed(it.expr, sc, it.def.ProcName())
			nodes = append(nodes, &SetLocal{depth: 0, i: i, val: val, site: c.site()})
		} else {
			nodes = append(nodes, c.compile(it.expr, sc))
		}
		c.pos = old
	}
	if len(items) == 0 || items[len(items)-1].def != nil {
		// A body ending in a definition returns unspecified.
		nodes = append(nodes, &Const{v: value.Unspecified})
	}
	if len(nodes) == 1 {
		return nodes[0]
	}
	return &Seq{body: nodes, site: c.site()}
}

// initRunsNoCode reports whether evaluating init, the initialiser of a
// letrec-style binding, runs no code of the program: a lambda expression,
// a quotation or a self-evaluating constant. (A lambda's body runs only
// when it is called.) When every initialiser of a scope is one of these,
// no reference to its variables can be evaluated before they are all
// initialised, so reads of them skip the check LocalChecked makes: named
// let's loop variable and the usual internal procedure definitions.
func (c *compiler) initRunsNoCode(init value.Value, sc *scope) bool {
	switch x := init.(type) {
	case nil, *value.Symbol:
		return false
	case *value.Pair:
		return c.isKeyword(x.Car, sc, symLambda) || c.isKeyword(x.Car, sc, symQuote)
	}
	return true
}

// uncheckIfNoEarlyReads makes reads of sc's slots need no initialisation
// check when every one of inits, run in order before anything reads
// them, runs no code (see initRunsNoCode).
func (c *compiler) uncheckIfNoEarlyReads(sc *scope, slots []int, inits []value.Value) {
	if c.in.general {
		return
	}
	for _, init := range inits {
		if !c.initRunsNoCode(init, sc) {
			return
		}
	}
	for _, i := range slots {
		sc.checked[i] = false
	}
}

// parseDefine returns the name and value expression of a define form,
// turning (define (f . args) body...) into a lambda, curried forms too.
func (c *compiler) parseDefine(p *value.Pair) (*value.Symbol, value.Value) {
	items := c.list(p, p)
	if len(items) < 2 {
		c.errorf(p, "bad syntax: %s", value.WriteString(p))
	}
	switch target := items[1].(type) {
	case *value.Symbol:
		switch len(items) {
		case 2:
			return target, value.List(coreQuote, value.Unspecified)
		case 3:
			return target, items[2]
		}
		c.errorf(p, "bad syntax: define of %s takes one expression", target.Name)
	case *value.Pair:
		// (define (head . params) body...) = (define head (lambda params body...))
		lam := value.Cons(coreLambda, value.Cons(target.Cdr, p.Cdr.(*value.Pair).Cdr))
		c.src[lam] = c.pos
		if inner, ok := target.Car.(*value.Pair); ok {
			// Curried define: (define ((f a) b) ...).
			return c.parseDefine(value.Cons(symDefine, value.List(inner, lam)))
		}
		name, ok := target.Car.(*value.Symbol)
		if !ok {
			c.errorf(p, "bad syntax: cannot define %s", value.WriteString(target.Car))
		}
		return name, lam
	}
	c.errorf(p, "bad syntax: cannot define %s", value.WriteString(items[1]))
	return nil, nil
}

// defineMacro handles (define-macro (name . params) body...) and
// (define-macro name transformer) at top level: the transformer is
// evaluated now and bound as a global macro.
func (c *compiler) defineMacro(p *value.Pair) {
	name, mac := c.macroTransformer(p, nil)
	g := c.in.global(name)
	c.in.syntaxChange(g, false)
	g.Macro = mac
	g.set(nil)
}

// macroTransformer parses a define-macro form and evaluates its
// transformer in scope sc (nil: top level).
func (c *compiler) macroTransformer(p *value.Pair, sc *scope) (*value.Symbol, *Macro) {
	items := c.list(p, p)
	if len(items) < 3 {
		c.errorf(p, "bad syntax: define-macro needs a name and a transformer")
	}
	var name *value.Symbol
	var expr value.Value
	switch target := items[1].(type) {
	case *value.Symbol:
		if len(items) != 3 {
			c.errorf(p, "bad syntax: (define-macro name transformer)")
		}
		name, expr = target, items[2]
	case *value.Pair:
		sym, ok := target.Car.(*value.Symbol)
		if !ok {
			c.errorf(p, "bad syntax: macro name must be a symbol")
		}
		name = sym
		expr = value.Cons(symLambda, value.Cons(target.Cdr, p.Cdr.(*value.Pair).Cdr))
	default:
		c.errorf(p, "bad syntax: macro name must be a symbol")
	}
	node := c.compileNamed(expr, sc, name.ProcName())
	var proc value.Value
	var err error
	if lam, ok := node.(*Lambda); ok && sc == nil && c.in.loadingLib {
		// What running it makes, without a machine: the library's
		// definitions may be made while a program runs (image.go),
		// whose interrupts and timer a machine would poll.
		proc = &Closure{lam, nil}
	} else {
		proc, err = c.in.run(node, nil, nil)
	}
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			panic(&compileError{e})
		}
		c.errorf(p, "define-macro %s: %v", name.Name, err)
	}
	if !isProcedure(proc) {
		c.errorf(p, "define-macro %s: transformer is not a procedure", name.Name)
	}
	return name, &Macro{Name: name.Name, Transformer: proc}
}
