package macro

import (
	"errors"

	"contigo/value"
)

var errTooDeep = errors.New("quasiquote: template nested too deep (or too long) to expand")

var (
	symQuasiquote      = value.Intern("quasiquote")
	symUnquote         = value.Intern("unquote")
	symUnquoteSplicing = value.Intern("unquote-splicing")
	symQuote           = value.Intern("quote")
	// The expansion calls these internal names so that a program that
	// binds cons or append locally does not break its quasiquotes.
	symCons      = value.Intern("%cons")
	symAppend    = value.Intern("%append")
	symList      = value.Intern("%list")
	symListToVec = value.Intern("%list->vector")
)

// Quasiquote rewrites the template of `template (report 4.2.8) into an
// expression that builds it: constant parts are quoted, unquoted parts
// evaluated, spliced parts appended. Nested quasiquotes raise the level,
// so only unquotes at level zero are evaluated. is(v, kw) decides whether
// v is the keyword kw (quasiquote, unquote or unquote-splicing), so that
// aliases of them in templates of syntax-rules macros are recognised.
func Quasiquote(template value.Value, is func(v value.Value, kw *value.Symbol) bool) (value.Value, error) {
	q := &quasi{is: is}
	if !q.hasKeyword(template) {
		// A constant template, however deep or long: no recursion.
		return quote(template), nil
	}
	return q.qq(template, 0)
}

// MaxNesting bounds the nesting (and the length, as the rewrite recurses
// along lists too) of a template with unquotes, so that the rewrite
// cannot exhaust the Go stack.
const MaxNesting = 100_000

// hasKeyword reports whether t contains quasiquote, unquote or
// unquote-splicing anywhere; it walks iteratively, and stops at cycles'
// second visit only by running out of structure (templates are code,
// read from text, and so acyclic, or a syntax error later).
func (q *quasi) hasKeyword(t value.Value) bool {
	stack := []value.Value{t}
	seen := 0
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen++; seen > 100_000_000 {
			return true // let qq's own bound report it
		}
		switch x := v.(type) {
		case *value.Symbol:
			if q.is(x, symUnquote) || q.is(x, symUnquoteSplicing) || q.is(x, symQuasiquote) {
				return true
			}
		case *value.Pair:
			stack = append(stack, x.Cdr, x.Car)
		case *value.Vector:
			stack = append(stack, x.Items...)
		}
	}
	return false
}

// quasi holds the keyword test of one quasiquote expansion.
type quasi struct {
	is   func(v value.Value, kw *value.Symbol) bool
	nest int // calls of qq in progress
}

func quote(v value.Value) value.Value { return value.List(symQuote, v) }

// isForm reports whether v is (sym x) and returns x.
func isForm(v value.Value, sym *value.Symbol) (value.Value, bool) {
	return isFormBy(v, sym, func(v value.Value, kw *value.Symbol) bool { return v == value.Value(kw) })
}

// isForm reports whether v is (kw x), by the quasiquote's keyword test.
func (q *quasi) isForm(v value.Value, sym *value.Symbol) (value.Value, bool) {
	return isFormBy(v, sym, q.is)
}

func isFormBy(v value.Value, sym *value.Symbol, is func(value.Value, *value.Symbol) bool) (value.Value, bool) {
	p, ok := v.(*value.Pair)
	if !ok || !is(p.Car, sym) {
		return nil, false
	}
	rest, ok := p.Cdr.(*value.Pair)
	if !ok || rest.Cdr != value.Value(value.Nil) {
		return nil, false
	}
	return rest.Car, true
}

// isConst reports whether an expansion is a quoted constant, and which.
func isConst(v value.Value) (value.Value, bool) {
	return isForm(v, symQuote)
}

func (q *quasi) qq(t value.Value, depth int) (value.Value, error) {
	q.nest++
	defer func() { q.nest-- }()
	if q.nest > MaxNesting {
		return nil, errTooDeep
	}
	switch x := t.(type) {
	case *value.Pair:
		if e, ok := q.isForm(x, symUnquote); ok {
			if depth == 0 {
				return e, nil
			}
			inner, err := q.qq(e, depth-1)
			if err != nil {
				return nil, err
			}
			return list2(symUnquote, inner), nil
		}
		if e, ok := q.isForm(x, symQuasiquote); ok {
			inner, err := q.qq(e, depth+1)
			if err != nil {
				return nil, err
			}
			return list2(symQuasiquote, inner), nil
		}
		if q.is(x.Car, symUnquoteSplicing) {
			return nil, value.Errorf("unquote-splicing: not in a list context")
		}
		if e, ok := q.isForm(x.Car, symUnquoteSplicing); ok {
			rest, err := q.qq(x.Cdr, depth)
			if err != nil {
				return nil, err
			}
			if depth == 0 {
				if c, ok := isConst(rest); ok && c == value.Value(value.Nil) {
					return value.List(symAppend, e), nil
				}
				return value.List(symAppend, e, rest), nil
			}
			inner, err := q.qq(e, depth-1)
			if err != nil {
				return nil, err
			}
			return cons(list2(symUnquoteSplicing, inner), rest), nil
		}
		car, err := q.qq(x.Car, depth)
		if err != nil {
			return nil, err
		}
		cdr, err := q.qq(x.Cdr, depth)
		if err != nil {
			return nil, err
		}
		return cons(car, cdr), nil
	case *value.Vector:
		l, err := q.qq(value.List(x.Items...), depth)
		if err != nil {
			return nil, err
		}
		if c, ok := isConst(l); ok {
			items, _ := value.ToSlice(c)
			return quote(&value.Vector{Items: items}), nil
		}
		return value.List(symListToVec, l), nil
	default:
		return quote(x), nil
	}
}

// list2 builds the expansion of a two-element list whose second element is
// an expansion.
func list2(head *value.Symbol, e value.Value) value.Value {
	return cons(quote(head), cons(e, quote(value.Nil)))
}

// cons builds the expansion of (car . cdr), folding constants so that
// constant templates become a single quoted datum.
func cons(car, cdr value.Value) value.Value {
	a, aConst := isConst(car)
	d, dConst := isConst(cdr)
	if aConst && dConst {
		return quote(value.Cons(a, d))
	}
	return value.List(symCons, car, cdr)
}
