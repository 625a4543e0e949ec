package eval

// This file exports internals to the external tests (package eval_test).
// Those are the tests that load the concurrency library: they do it
// through package prelude, which an internal test cannot import, since
// prelude imports eval.

import (
	"sort"
	"strings"
)

// NewGeneral is New without the evaluator's fast paths (general.go).
func NewGeneral(opts Options) (*Interp, error) { return newInterp(opts, true) }

// LibraryProcedure is a public procedure written in Scheme (in the
// built-in library or in Options.Library), with its arity.
type LibraryProcedure struct {
	Name   string
	Params int  // required parameters
	Rest   bool // whether it takes more
}

// LibraryProcedures lists the public library procedures of in, sorted by
// name.
func LibraryProcedures(in *Interp) []LibraryProcedure {
	var procs []LibraryProcedure
	for sym, g := range in.globals {
		c, ok := g.Value.(*Closure)
		if !ok || !sym.Interned() || strings.HasPrefix(sym.Name, "%") || !c.lam.lib {
			continue
		}
		procs = append(procs, LibraryProcedure{Name: sym.Name, Params: c.lam.nparams, Rest: c.lam.rest})
	}
	sort.Slice(procs, func(i, j int) bool { return procs[i].Name < procs[j].Name })
	return procs
}
