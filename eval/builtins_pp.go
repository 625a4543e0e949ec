package eval

// This file defines pp, the pretty printer (value.PrettyPrint), and
// macroexpand-all (expand.go).

import "contigo/value"

func (in *Interp) ppPrims() []*value.Primitive {
	// pp writes obj pretty-printed and ends the line (Gambit, MIT
	// Scheme); pretty-print is the same under the name Chez, Racket
	// and Chicken give it.
	pp := func(name string) *value.Primitive {
		return prim(name, 1, 2, func(args []V) (V, error) {
			p, err := in.outPort(args, 1, name, textual)
			if err != nil {
				return nil, err
			}
			value.PrettyPrint(p.w, args[0], value.DefaultWidth)
			p.w.WriteByte('\n')
			return value.Unspecified, p.wrote(name, true)
		})
	}
	return []*value.Primitive{
		pp("pp"),
		pp("pretty-print"),
		prim1("macroexpand-all", func(form V) (V, error) { return in.MacroexpandAll(form, nil) }),
	}
}
