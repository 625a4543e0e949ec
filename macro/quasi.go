package macro

import "contigo/value"

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
// so only unquotes at level zero are evaluated.
func Quasiquote(template value.Value) (value.Value, error) {
	return qq(template, 0)
}

func quote(v value.Value) value.Value { return value.List(symQuote, v) }

// isForm reports whether v is (sym x) and returns x.
func isForm(v value.Value, sym *value.Symbol) (value.Value, bool) {
	p, ok := v.(*value.Pair)
	if !ok || p.Car != value.Value(sym) {
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

func qq(t value.Value, depth int) (value.Value, error) {
	switch x := t.(type) {
	case *value.Pair:
		if e, ok := isForm(x, symUnquote); ok {
			if depth == 0 {
				return e, nil
			}
			inner, err := qq(e, depth-1)
			if err != nil {
				return nil, err
			}
			return list2(symUnquote, inner), nil
		}
		if e, ok := isForm(x, symQuasiquote); ok {
			inner, err := qq(e, depth+1)
			if err != nil {
				return nil, err
			}
			return list2(symQuasiquote, inner), nil
		}
		if x.Car == value.Value(symUnquoteSplicing) {
			return nil, value.Errorf("unquote-splicing: not in a list context")
		}
		if e, ok := isForm(x.Car, symUnquoteSplicing); ok {
			rest, err := qq(x.Cdr, depth)
			if err != nil {
				return nil, err
			}
			if depth == 0 {
				if c, ok := isConst(rest); ok && c == value.Value(value.Nil) {
					return value.List(symAppend, e), nil
				}
				return value.List(symAppend, e, rest), nil
			}
			inner, err := qq(e, depth-1)
			if err != nil {
				return nil, err
			}
			return cons(list2(symUnquoteSplicing, inner), rest), nil
		}
		car, err := qq(x.Car, depth)
		if err != nil {
			return nil, err
		}
		cdr, err := qq(x.Cdr, depth)
		if err != nil {
			return nil, err
		}
		return cons(car, cdr), nil
	case *value.Vector:
		l, err := qq(value.List(x.Items...), depth)
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
