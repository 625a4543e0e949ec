package eval

// This file exports internals to the external tests (package eval_test).
// Those are the tests that load the concurrency library: they do it
// through package prelude, which an internal test cannot import, since
// prelude imports eval.

import (
	"io"
	"sort"
	"strings"

	"contigo/reader"
	"contigo/value"
)

// ReadForms reads every datum of src, and the positions of their pairs.
// (Programs read a datum at a time: reader has no such function.)
func ReadForms(src, file string) ([]value.Value, value.SourceMap, error) {
	r := reader.New(src, file)
	var out []value.Value
	for {
		v, err := r.Read()
		if err == io.EOF {
			return out, r.SourceMap(), nil
		}
		if err != nil {
			return out, r.SourceMap(), err
		}
		out = append(out, v)
	}
}

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
	for sym, g := range in.allGlobals() {
		c, ok := g.Value.(*Closure)
		if !ok || !sym.Interned() || strings.HasPrefix(sym.Name, "%") || !c.lam.lib {
			continue
		}
		procs = append(procs, LibraryProcedure{Name: sym.Name, Params: c.lam.nparams, Rest: c.lam.rest})
	}
	sort.Slice(procs, func(i, j int) bool { return procs[i].Name < procs[j].Name })
	return procs
}
