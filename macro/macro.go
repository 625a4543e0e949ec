// Package macro owns macro expansion: define-macro transformers (Lisp
// style, non-hygienic: the expander is an ordinary Scheme procedure run at
// expansion time), syntax-rules transformers (hygienic through the aliases
// of value.NewAlias, which the evaluator resolves), quasiquote, and the
// copying of source positions onto expanded code so errors in it point
// somewhere useful.
//
// The package never runs Scheme code itself: the evaluator passes an
// Expander that applies a transformer procedure. That nested run is a
// continuation barrier: a continuation captured inside a transformer
// cannot be resumed after the expansion has finished.
package macro

import (
	"contigo/value"
)

// Expander applies a Scheme procedure to arguments and returns its value.
type Expander interface {
	Apply(proc value.Value, args []value.Value) (value.Value, error)
}

// Macro is a keyword's binding: a define-macro transformer procedure or a
// syntax-rules transformer.
type Macro struct {
	Name        string
	Transformer value.Value  // define-macro: a procedure taking the form's operands
	Rules       *SyntaxRules // syntax-rules (Transformer is nil)
}

// SchemeString implements value.Opaque.
func (m *Macro) SchemeString() string { return "#<macro " + m.Name + ">" }

// Expand applies the transformer to the operands of form, once. A
// syntax-rules transformer compares literals with SameBase here; the
// evaluator expands those itself, with the lexical environment in hand.
func (m *Macro) Expand(form value.Value, x Expander) (value.Value, error) {
	if m.Rules != nil {
		return m.Rules.Expand(form, nil)
	}
	p, ok := form.(*value.Pair)
	if !ok {
		return nil, value.Errorf("%s: bad macro use", m.Name)
	}
	args, ok := value.ToSlice(p.Cdr)
	if !ok {
		return nil, value.Errorf("%s: macro use is not a proper list", m.Name)
	}
	return x.Apply(m.Transformer, args)
}

// Positions gives every pair of v that the source map does not know the
// position pos, so that code produced by a macro reports its call site.
// It stops at pairs already mapped (they came from the source) and on
// cycles.
func Positions(v value.Value, src value.SourceMap, pos value.Pos) {
	if !pos.IsValid() || src == nil {
		return
	}
	stack := []value.Value{v}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for {
			p, ok := x.(*value.Pair)
			if !ok {
				break
			}
			if _, known := src[p]; known {
				break
			}
			src[p] = pos
			stack = append(stack, p.Car)
			x = p.Cdr
		}
	}
}
