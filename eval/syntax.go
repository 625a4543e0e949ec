package eval

// This file resolves identifiers, the aliases of syntax-rules expansions
// included, and compiles the forms that bind syntactic keywords:
// define-syntax, let-syntax and letrec-syntax (report 4.3, 5.4), plus
// syntax-error (4.3.3).
//
// Hygiene works by renaming (see value/alias.go). An alias made by an
// expansion records the scope where its macro was defined (nil for a
// global macro). Resolving an identifier walks the scopes outwards from
// the use; an alias looks for bindings of itself until it reaches its
// macro's scope, and from there on (that scope included) resolves the
// identifier it renames. A binding of an alias is thus seen only by the
// code the same expansion introduced, and a free alias means what its
// symbol meant where the macro was defined. At top level, a definition of
// an alias makes a global cell keyed by the alias, which only that alias
// reaches. All of this happens at compile time: the nodes produced are
// the same as for plain identifiers.

import (
	"contigo/macro"
	"contigo/value"
)

type refKind uint8

const (
	refGlobal  refKind = iota // a global variable, special form or global macro
	refLocal                  // a lexical variable
	refKeyword                // a lexically bound keyword
)

// ref is what an identifier resolves to.
type ref struct {
	kind refKind
	// refGlobal: the key of the global cell (a symbol, or the alias a
	// top-level definition bound).
	sym *value.Symbol
	// refLocal: the scope and slot, and the depth from the use.
	sc      *scope
	index   int
	depth   int
	checked bool
	// refKeyword: the binding.
	mac *Macro
}

// same reports whether two resolutions denote the same binding (for
// globals, the same name: report 4.3.2, literal matching).
func (r ref) same(o ref) bool {
	if r.kind != o.kind {
		return false
	}
	switch r.kind {
	case refLocal:
		return r.sc == o.sc && r.index == o.index
	case refKeyword:
		return r.mac == o.mac
	}
	return r.sym == o.sym
}

// find looks id up in this scope alone: keywords first, as a keyword
// defined in a body shadows a parameter of the same name.
func (s *scope) find(id *value.Symbol) (ref, bool) {
	if m := s.keywords[id]; m != nil {
		return ref{kind: refKeyword, mac: m}, true
	}
	for i := len(s.names) - 1; i >= 0; i-- {
		if s.names[i] == id {
			return ref{kind: refLocal, sc: s, index: i, checked: s.checked[i]}, true
		}
	}
	return ref{}, false
}

// resolve finds the binding id refers to in scope sc.
func (c *compiler) resolve(id *value.Symbol, sc *scope) ref {
	depth := 0
	s := sc
	for {
		orig, env, isAlias := id.Alias()
		home, _ := env.(*scope)
		for ; s != nil; s = s.up {
			if r, ok := s.find(id); ok {
				r.depth = depth
				if r.kind == refLocal {
					for t := sc; t != s; t = t.up {
						t.reachedThrough = true
					}
				}
				return r
			}
			if isAlias && s == home {
				break
			}
			if !s.transparent {
				depth++
			}
		}
		if !isAlias {
			return ref{kind: refGlobal, sym: id}
		}
		if s == nil {
			// Past the scopes (a global macro's alias, or one whose
			// scope is not around this use): the alias may have been
			// defined at top level.
			if _, ok := c.in.globalOf(id); ok {
				return ref{kind: refGlobal, sym: id}
			}
		}
		// Continue with what the alias renames, from the macro's scope.
		id = orig
	}
}

// sameBinding reports whether a in scope sa and b in scope sb denote the
// same binding.
func (c *compiler) sameBinding(a *value.Symbol, sa *scope, b *value.Symbol, sb *scope) bool {
	return c.resolve(a, sa).same(c.resolve(b, sb))
}

// macroOf returns the macro a resolved identifier is bound to, or nil.
func (c *compiler) macroOf(r ref) *Macro {
	switch r.kind {
	case refKeyword:
		return r.mac
	case refGlobal:
		if g, _ := c.in.globalOf(r.sym); g != nil {
			return g.Macro
		}
	}
	return nil
}

// declareAliases makes the global cells of the aliases that top-level
// definitions among forms (the body of a top-level begin, typically a
// macro's expansion) will bind, so that references compiled before the
// definition already see them.
func (c *compiler) declareAliases(forms []value.Value) {
	for _, f := range forms {
		p, ok := f.(*value.Pair)
		if !ok {
			continue
		}
		if c.isKeyword(p.Car, nil, symBegin) {
			if inner, ok := value.ToSlice(p.Cdr); ok {
				c.declareAliases(inner)
			}
			continue
		}
		if !c.isKeyword(p.Car, nil, symDefine) && !c.isKeyword(p.Car, nil, symDefineSyntax) {
			continue
		}
		rest, ok := p.Cdr.(*value.Pair)
		if !ok {
			continue
		}
		target := rest.Car
		for {
			tp, ok := target.(*value.Pair)
			if !ok {
				break
			}
			target = tp.Car // (define (name . params) ...), curried too
		}
		if id, ok := target.(*value.Symbol); ok {
			if _, env, isAlias := id.Alias(); isAlias {
				if home, _ := env.(*scope); home == nil {
					c.in.global(id)
				}
			}
		}
	}
}

// defineSyntax parses (define-syntax keyword transformer) in scope sc
// (nil: top level) and returns the keyword and its binding. The
// transformer's environment is sc itself, so a body's keywords may be
// recursive.
func (c *compiler) defineSyntax(form *value.Pair, sc *scope) (*value.Symbol, *Macro) {
	items := c.list(form, form)
	if len(items) != 3 {
		c.errorf(form, "bad syntax: (define-syntax keyword transformer)")
	}
	name, ok := items[1].(*value.Symbol)
	if !ok {
		c.errorf(form, "bad syntax: define-syntax of a non-identifier %s", value.WriteString(items[1]))
	}
	return name, c.transformer(items[2], sc, name)
}

// transformer compiles a transformer spec found in scope env, which is
// also the environment of the macro it makes.
func (c *compiler) transformer(spec value.Value, env *scope, name *value.Symbol) *Macro {
	old := c.at(spec)
	defer func() { c.pos = old }()
	spec = c.expand(spec, env)
	if id, ok := spec.(*value.Symbol); ok {
		// (define-syntax new old): another name for a macro.
		if m := c.macroOf(c.resolve(id, env)); m != nil {
			return m
		}
	}
	p, ok := spec.(*value.Pair)
	if !ok || !c.isKeyword(p.Car, env, symSyntaxRules) {
		c.errorf(spec, "bad syntax: the transformer of %s must be a syntax-rules form, got %s",
			name.Name, value.ShortText(value.WriteString(spec), 60))
	}
	rules, err := macro.ParseSyntaxRules(name.Name, spec, env, func(a, b *value.Symbol) bool {
		return c.sameBinding(a, env, b, env)
	})
	if err != nil {
		c.errorf(spec, "bad syntax: %s: %v", name.Name, err)
	}
	return &Macro{Name: name.Name, Rules: rules}
}

// letSyntaxScope parses the bindings of a let-syntax or letrec-syntax
// form into a new scope holding the keywords, and returns it with the
// form's items. A let-syntax transformer resolves in sc; a letrec-syntax
// one in the new scope, so it sees the keywords being bound.
func (c *compiler) letSyntaxScope(form *value.Pair, sc *scope, rec bool) (*scope, []value.Value) {
	items := c.list(form, form)
	if len(items) < 3 {
		c.errorf(form, "bad syntax: %s needs bindings and a body", form.Car.(*value.Symbol).Name)
	}
	inner := &scope{up: sc, keywords: map[*value.Symbol]*Macro{}}
	env := sc
	if rec {
		env = inner
	}
	for _, b := range c.list(items[1], form) {
		parts, ok := value.ToSlice(b)
		if !ok || len(parts) != 2 {
			c.errorf(form, "bad syntax: bad keyword binding %s", value.WriteString(b))
		}
		name, ok := parts[0].(*value.Symbol)
		if !ok {
			c.errorf(form, "bad syntax: cannot bind %s as a keyword", value.WriteString(parts[0]))
		}
		if _, dup := inner.keywords[name]; dup {
			c.errorf(form, "bad syntax: duplicate binding of %s", name.Name)
		}
		// Registered before the next transformer is parsed, which only
		// matters for letrec-syntax.
		inner.keywords[name] = c.transformer(parts[1], env, name)
	}
	return inner, items
}

// compileLetSyntax compiles (let-syntax ((keyword transformer) ...) body)
// and letrec-syntax. The body is a body (definitions allowed, local to
// it) in a scope of its own; a let-syntax transformer sees the scope
// outside, a letrec-syntax one the keywords being bound as well.
func compileLetSyntax(c *compiler, form *value.Pair, sc *scope, rec bool) Node {
	inner, items := c.letSyntaxScope(form, sc, rec)
	body := c.body(items[2:], inner, form)
	return &Block{frameSize: len(inner.names), body: body}
}

// compileSyntaxError reports (syntax-error message args ...) when it is
// expanded (report 4.3.3).
func compileSyntaxError(c *compiler, form *value.Pair, sc *scope) Node {
	items := c.list(form, form)
	if len(items) < 2 {
		c.errorf(form, "bad syntax: (syntax-error message args ...)")
	}
	msg, ok := items[1].(*value.String)
	if !ok {
		c.errorf(form, "bad syntax: syntax-error message must be a string")
	}
	obj := &value.ErrorObject{Message: msg.String(), Kind: "syntax-error", Pos: c.pos}
	for _, a := range items[2:] {
		obj.Irritants = append(obj.Irritants, value.StripAliases(a))
	}
	if p, ok := c.src.Lookup(form); ok {
		obj.Pos = p
	}
	panic(&compileError{&Error{Payload: obj, Msg: obj.Error(), Pos: obj.Pos}})
}
