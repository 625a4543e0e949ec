package macro

// This file implements syntax-rules (report 4.3.2) as a pure data
// transform: a transformer spec is compiled once into patterns and
// templates, and each use is matched against the patterns and transcribed
// through the template of the first rule that matches.
//
// Hygiene is the caller's business, with two hooks. Every symbol that a
// template introduces (one that is not a pattern variable) is replaced by
// a fresh alias (value.NewAlias) recording the transformer's Env; the
// evaluator resolves aliases. And identifiers are compared through a
// Compare function the evaluator supplies: when a literal is matched
// against an input identifier (same binding, or both unbound with the
// same name), and when an alias might be the ellipsis or the underscore.

import (
	"fmt"

	"contigo/value"
)

// Compare reports whether two identifiers mean the same thing. For
// pattern literals, a is the literal in the transformer's environment and
// b the input identifier in the environment of the macro use.
type Compare func(a, b *value.Symbol) bool

// SameBase is the Compare for contexts without lexical bindings: two
// identifiers are the same if they rename the same symbol.
func SameBase(a, b *value.Symbol) bool { return a.Base() == b.Base() }

var (
	symEllipsis   = value.Intern("...")
	symUnderscore = value.Intern("_")
)

// SyntaxRules is a transformer written with syntax-rules.
type SyntaxRules struct {
	Name string
	// Env is the environment where the transformer was defined, recorded
	// in every alias its expansions introduce. It is opaque to this
	// package.
	Env   any
	rules []rule
}

type rule struct {
	pattern  pattern // matches the operands: the keyword position is dropped
	nvars    int
	template template
}

// Patterns.
type (
	pattern interface{}
	// patVar is a pattern variable, bound to slot of the match.
	patVar struct{ slot int }
	// patAny is the underscore.
	patAny struct{}
	// patLit is a literal identifier.
	patLit struct{ id *value.Symbol }
	// patDatum is a constant, matched with equal?.
	patDatum struct{ v value.Value }
	// patSeq is a list or vector pattern: fixed elements before an
	// optional ellipsis element, fixed elements after it, and (lists
	// only) the pattern of the tail.
	patSeq struct {
		before, after []pattern
		ell           pattern // nil: no ellipsis
		// Pattern variables of ell occupy slots [ellFirst, ellEnd).
		ellFirst, ellEnd int
		tail             pattern // nil: the list must be proper
		vector           bool
	}
)

// Templates.
type (
	template interface{}
	// tmplVar is a pattern variable.
	tmplVar struct{ slot int }
	// tmplIdent is an identifier the template introduces.
	tmplIdent struct{ id *value.Symbol }
	// tmplConst is a constant, inserted as is.
	tmplConst struct{ v value.Value }
	// tmplSeq is a list or vector template.
	tmplSeq struct {
		elems  []tmplElem
		tail   template // nil: '()
		vector bool
	}
	// tmplElem is an element of a sequence followed by len(levels)
	// ellipses. levels[i] lists the slots of the pattern variables that
	// the i-th ellipsis (counting from the outermost) iterates over.
	tmplElem struct {
		t      template
		levels [][]int
	}
)

// multi is what a pattern variable under an ellipsis matched: one match
// per repetition (each a value.Value, or a multi under nested ellipses).
type multi []any

// varInfo describes a pattern variable: its slot and how many ellipses
// follow the subpatterns containing it.
type varInfo struct {
	slot, depth int
}

// parser compiles the rules of one syntax-rules spec.
type parser struct {
	ellipsis *value.Symbol // nil when the ellipsis is one of the literals
	custom   bool          // ellipsis was given explicitly
	literals []*value.Symbol
	same     Compare
	vars     map[*value.Symbol]varInfo
}

// ParseSyntaxRules compiles a transformer spec,
// (syntax-rules (literal ...) rule ...) or
// (syntax-rules ellipsis (literal ...) rule ...), for the keyword name.
// env is recorded in the aliases the expansions introduce; same compares
// identifiers in env (nil: SameBase).
func ParseSyntaxRules(name string, spec value.Value, env any, same Compare) (*SyntaxRules, error) {
	items, ok := value.ToSlice(spec)
	if !ok || len(items) < 2 {
		return nil, fmt.Errorf("bad syntax-rules: %s", short(spec))
	}
	if same == nil {
		same = SameBase
	}
	p := &parser{ellipsis: symEllipsis, same: same}
	rest := items[1:]
	if id, ok := rest[0].(*value.Symbol); ok {
		p.ellipsis, p.custom = id, true
		rest = rest[1:]
		if len(rest) == 0 {
			return nil, fmt.Errorf("bad syntax-rules: missing literals list")
		}
	}
	lits, ok := value.ToSlice(rest[0])
	if !ok {
		return nil, fmt.Errorf("bad syntax-rules: literals must be a list of identifiers, got %s", short(rest[0]))
	}
	for _, l := range lits {
		id, ok := l.(*value.Symbol)
		if !ok {
			return nil, fmt.Errorf("bad syntax-rules: literal %s is not an identifier", short(l))
		}
		p.literals = append(p.literals, id)
	}
	if p.isLiteral(p.ellipsis) || !p.custom && p.literalSame(symEllipsis) {
		p.ellipsis = nil
	}
	sr := &SyntaxRules{Name: name, Env: env}
	for _, r := range rest[1:] {
		parts, ok := value.ToSlice(r)
		if !ok || len(parts) != 2 {
			return nil, fmt.Errorf("bad syntax rule %s: expected (pattern template)", short(r))
		}
		pat, ok := parts[0].(*value.Pair)
		if !ok {
			return nil, fmt.Errorf("bad syntax rule %s: the pattern must be a list starting with the keyword", short(r))
		}
		p.vars = map[*value.Symbol]varInfo{}
		pp, err := p.pattern(pat.Cdr, 0)
		if err != nil {
			return nil, err
		}
		tp, err := p.template(parts[1], 0, true)
		if err != nil {
			return nil, err
		}
		sr.rules = append(sr.rules, rule{pattern: pp, nvars: len(p.vars), template: tp})
	}
	return sr, nil
}

func short(v value.Value) string { return value.ShortText(value.WriteString(v), 80) }

func (p *parser) isLiteral(id *value.Symbol) bool {
	for _, l := range p.literals {
		if l == id {
			return true
		}
	}
	return false
}

// literalSame reports whether a literal means the same as id.
func (p *parser) literalSame(id *value.Symbol) bool {
	for _, l := range p.literals {
		if l == id || l.IsAlias() && p.same(l, id) {
			return true
		}
	}
	return false
}

// isEllipsis reports whether v is the ellipsis: the one given, or else an
// identifier meaning the same as "...".
func (p *parser) isEllipsis(v value.Value) bool {
	id, ok := v.(*value.Symbol)
	if !ok || p.ellipsis == nil {
		return false
	}
	if id == p.ellipsis {
		return true
	}
	return !p.custom && id.IsAlias() && p.same(id, symEllipsis)
}

func (p *parser) isUnderscore(id *value.Symbol) bool {
	return id == symUnderscore || id.IsAlias() && p.same(id, symUnderscore)
}

func (p *parser) pattern(v value.Value, depth int) (pattern, error) {
	switch x := v.(type) {
	case *value.Symbol:
		switch {
		case p.isLiteral(x):
			return &patLit{x}, nil
		case p.isEllipsis(x):
			return nil, fmt.Errorf("bad pattern: misplaced %s", x.Name)
		case p.isUnderscore(x):
			return patAny{}, nil
		}
		if _, dup := p.vars[x]; dup {
			return nil, fmt.Errorf("bad pattern: pattern variable %s appears twice", x.Name)
		}
		slot := len(p.vars)
		p.vars[x] = varInfo{slot: slot, depth: depth}
		return &patVar{slot}, nil
	case *value.Pair:
		return p.seqPattern(x, depth, false)
	case *value.Vector:
		return p.seqPattern(value.List(x.Items...), depth, true)
	}
	return &patDatum{v}, nil
}

// elements splits a list into its elements and final cdr.
func elements(v value.Value) ([]value.Value, value.Value) {
	var items []value.Value
	slow := v
	for i := 0; ; i++ {
		p, ok := v.(*value.Pair)
		if !ok {
			return items, v
		}
		items = append(items, p.Car)
		v = p.Cdr
		if i&1 == 1 {
			slow = slow.(*value.Pair).Cdr
			if slow == v {
				// Circular: treat the rest as an opaque tail.
				return items, v
			}
		}
	}
}

func (p *parser) seqPattern(list value.Value, depth int, vector bool) (pattern, error) {
	items, tail := elements(list)
	sp := &patSeq{vector: vector}
	for i := 0; i < len(items); i++ {
		it := items[i]
		if i+1 < len(items) && p.isEllipsis(items[i+1]) {
			if sp.ell != nil {
				return nil, fmt.Errorf("bad pattern %s: more than one ellipsis in a list", short(list))
			}
			sp.ellFirst = len(p.vars)
			sub, err := p.pattern(it, depth+1)
			if err != nil {
				return nil, err
			}
			sp.ell, sp.ellEnd = sub, len(p.vars)
			i++
			continue
		}
		sub, err := p.pattern(it, depth)
		if err != nil {
			return nil, err
		}
		if sp.ell != nil {
			sp.after = append(sp.after, sub)
		} else {
			sp.before = append(sp.before, sub)
		}
	}
	if tail != value.Value(value.Nil) {
		t, err := p.pattern(tail, depth)
		if err != nil {
			return nil, err
		}
		sp.tail = t
	}
	return sp, nil
}

func (p *parser) template(v value.Value, depth int, ellipsisOn bool) (template, error) {
	switch x := v.(type) {
	case *value.Symbol:
		if info, ok := p.vars[x]; ok {
			if info.depth > depth {
				return nil, fmt.Errorf("bad template: pattern variable %s needs %d ellipses after it, has %d", x.Name, info.depth, depth)
			}
			return &tmplVar{info.slot}, nil
		}
		if ellipsisOn && p.isEllipsis(x) {
			return nil, fmt.Errorf("bad template: misplaced %s", x.Name)
		}
		return &tmplIdent{x}, nil
	case *value.Pair:
		if ellipsisOn && p.isEllipsis(x.Car) {
			// (... template): ellipses inside are ordinary identifiers.
			rest, ok := x.Cdr.(*value.Pair)
			if !ok || rest.Cdr != value.Value(value.Nil) {
				return nil, fmt.Errorf("bad template %s: the ellipsis escape takes one template", short(x))
			}
			return p.template(rest.Car, depth, false)
		}
		return p.seqTemplate(x, depth, ellipsisOn, false)
	case *value.Vector:
		return p.seqTemplate(value.List(x.Items...), depth, ellipsisOn, true)
	}
	return &tmplConst{v}, nil
}

func (p *parser) seqTemplate(list value.Value, depth int, ellipsisOn, vector bool) (template, error) {
	items, tail := elements(list)
	st := &tmplSeq{vector: vector}
	for i := 0; i < len(items); i++ {
		it := items[i]
		k := 0
		for ellipsisOn && i+1+k < len(items) && p.isEllipsis(items[i+1+k]) {
			k++
		}
		sub, err := p.template(it, depth+k, ellipsisOn)
		if err != nil {
			return nil, err
		}
		e := tmplElem{t: sub}
		if k > 0 {
			vars := p.varsIn(it, nil)
			for j := 0; j < k; j++ {
				var ctl []int
				for _, id := range vars {
					if info := p.vars[id]; info.depth-depth-j >= 1 {
						ctl = append(ctl, info.slot)
					}
				}
				if len(ctl) == 0 {
					return nil, fmt.Errorf("bad template %s: no pattern variable to repeat before the ellipsis", short(list))
				}
				e.levels = append(e.levels, ctl)
			}
		}
		st.elems = append(st.elems, e)
		i += k
	}
	if tail != value.Value(value.Nil) {
		t, err := p.template(tail, depth, ellipsisOn)
		if err != nil {
			return nil, err
		}
		st.tail = t
	}
	return st, nil
}

// varsIn appends the pattern variables occurring in template v to out,
// each once.
func (p *parser) varsIn(v value.Value, out []*value.Symbol) []*value.Symbol {
	switch x := v.(type) {
	case *value.Symbol:
		if _, ok := p.vars[x]; ok {
			for _, o := range out {
				if o == x {
					return out
				}
			}
			out = append(out, x)
		}
	case *value.Pair:
		items, tail := elements(x)
		for _, it := range items {
			out = p.varsIn(it, out)
		}
		out = p.varsIn(tail, out)
	case *value.Vector:
		for _, it := range x.Items {
			out = p.varsIn(it, out)
		}
	}
	return out
}

// Expand transcribes a use of the macro. literal compares a pattern
// literal with an input identifier (nil: SameBase).
func (sr *SyntaxRules) Expand(form value.Value, literal Compare) (value.Value, error) {
	p, ok := form.(*value.Pair)
	if !ok {
		return nil, fmt.Errorf("bad use of macro %s", sr.Name)
	}
	if literal == nil {
		literal = SameBase
	}
	m := &matcher{literal: literal}
	for i := range sr.rules {
		r := &sr.rules[i]
		b := make([]any, r.nvars)
		if m.match(r.pattern, p.Cdr, b) {
			t := &transcriber{env: sr.Env}
			return t.expand(r.template, b)
		}
	}
	return nil, fmt.Errorf("no rule of %s matches %s", sr.Name, short(form))
}

type matcher struct {
	literal Compare
}

func (m *matcher) match(pat pattern, v value.Value, b []any) bool {
	switch p := pat.(type) {
	case *patVar:
		b[p.slot] = v
		return true
	case patAny:
		return true
	case *patLit:
		id, ok := v.(*value.Symbol)
		return ok && m.literal(p.id, id)
	case *patDatum:
		return value.Equal(p.v, v)
	case *patSeq:
		return m.matchSeq(p, v, b)
	}
	return false
}

func (m *matcher) matchSeq(p *patSeq, v value.Value, b []any) bool {
	if !p.vector && p.ell == nil {
		// (P1 ... Pn . Px): Px matches the nth cdr.
		for _, sub := range p.before {
			pair, ok := v.(*value.Pair)
			if !ok || !m.match(sub, pair.Car, b) {
				return false
			}
			v = pair.Cdr
		}
		if p.tail == nil {
			return v == value.Value(value.Nil)
		}
		return m.match(p.tail, v, b)
	}
	var items []value.Value
	var tail value.Value = value.Nil
	if p.vector {
		vec, ok := v.(*value.Vector)
		if !ok {
			return false
		}
		items = vec.Items
	} else {
		items, tail = elements(v)
	}
	fixed := len(p.before) + len(p.after)
	if len(items) < fixed || p.ell == nil && len(items) != fixed {
		return false
	}
	for i, sub := range p.before {
		if !m.match(sub, items[i], b) {
			return false
		}
	}
	if p.ell != nil {
		reps := items[len(p.before) : len(items)-len(p.after)]
		seqs := make([]multi, p.ellEnd-p.ellFirst)
		for j := range seqs {
			seqs[j] = make(multi, 0, len(reps))
		}
		for _, it := range reps {
			if !m.match(p.ell, it, b) {
				return false
			}
			for j := range seqs {
				seqs[j] = append(seqs[j], b[p.ellFirst+j])
			}
		}
		for j, s := range seqs {
			b[p.ellFirst+j] = s
		}
	}
	for i, sub := range p.after {
		if !m.match(sub, items[len(items)-len(p.after)+i], b) {
			return false
		}
	}
	if p.vector {
		return true
	}
	// (P1 ... Pe <ellipsis> ... Pn . Px): Px matches the final cdr.
	if p.tail == nil {
		return tail == value.Value(value.Nil)
	}
	return m.match(p.tail, tail, b)
}

// transcriber instantiates a template; renames maps each identifier the
// template introduces to its alias for this expansion.
type transcriber struct {
	env     any
	renames map[*value.Symbol]*value.Symbol
}

func (t *transcriber) rename(id *value.Symbol) *value.Symbol {
	if a, ok := t.renames[id]; ok {
		return a
	}
	if t.renames == nil {
		t.renames = map[*value.Symbol]*value.Symbol{}
	}
	a := value.NewAlias(id, t.env)
	t.renames[id] = a
	return a
}

func (t *transcriber) expand(tm template, b []any) (value.Value, error) {
	switch x := tm.(type) {
	case *tmplVar:
		return b[x.slot], nil
	case *tmplIdent:
		return t.rename(x.id), nil
	case *tmplConst:
		return x.v, nil
	case *tmplSeq:
		var out []value.Value
		var err error
		for i := range x.elems {
			out, err = t.repeat(&x.elems[i], 0, b, out)
			if err != nil {
				return nil, err
			}
		}
		if x.vector {
			return &value.Vector{Items: out}, nil
		}
		var tail value.Value = value.Nil
		if x.tail != nil {
			if tail, err = t.expand(x.tail, b); err != nil {
				return nil, err
			}
		}
		return value.ListTail(out, tail), nil
	}
	return nil, fmt.Errorf("internal error: bad template %T", tm)
}

// repeat appends to out the instances of e from ellipsis level on.
func (t *transcriber) repeat(e *tmplElem, level int, b []any, out []value.Value) ([]value.Value, error) {
	if level == len(e.levels) {
		v, err := t.expand(e.t, b)
		if err != nil {
			return nil, err
		}
		return append(out, v), nil
	}
	ctl := e.levels[level]
	n := -1
	for _, s := range ctl {
		seq := b[s].(multi)
		if n >= 0 && len(seq) != n {
			return nil, fmt.Errorf("pattern variables repeated by one ellipsis matched different numbers of forms (%d and %d)", n, len(seq))
		}
		n = len(seq)
	}
	inner := make([]any, len(b))
	for i := 0; i < n; i++ {
		copy(inner, b)
		for _, s := range ctl {
			inner[s] = b[s].(multi)[i]
		}
		var err error
		if out, err = t.repeat(e, level+1, inner, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}
