// Package prelude owns contigo's concurrency library: goroutines,
// channels, select, timers and nurseries, written in Scheme in
// prelude.scm (embedded here) on the evaluator's raw hooks (%call/cc-raw,
// dynamic states, the time slice; see eval/switch.go).
//
// The package is the one place where Go meets that library. New (or Load,
// for an eval.Options of one's own) makes an interpreter with it; the
// other functions are the typed hooks the contigo command, its REPL, the
// course's web pages and embedders call, so that no Go code elsewhere
// names a procedure of prelude.scm in a string:
//
//	in, err := prelude.New(eval.Options{Stdout: os.Stdout})
//	...                           // evaluate the program's forms, then
//	err = prelude.ProgramEnd(in)  // the main program is done: the program ends
//	if err != nil {
//		// The message, then a backtrace, or for a deadlock where
//		// each goroutine waits, as Go reports them.
//		fmt.Fprintf(os.Stderr, "%v\n%s", err, prelude.ErrorDetails(in, err))
//	}
//	in.Flush()
//	os.Exit(prelude.ExitStatus(err))
//
// Every hook works on an interpreter without the library too: it then
// does nothing (there are no goroutines), or says so with ErrNotLoaded.
// The hooks are not safe for concurrent use, as eval.Interp is not.
package prelude

import (
	_ "embed"
	"errors"
	"slices"

	"contigo/eval"
	"contigo/value"
)

//go:embed prelude.scm
var source string

// File is the file name that positions in the library carry, in errors
// and backtraces.
const File = "prelude.scm"

// Source returns the text of prelude.scm.
func Source() string { return source }

// Load makes the interpreter that opts configures load the library after
// the built-in one (once, however often Load is called). Like the
// built-in library, it is never blamed for an error: an error raised
// inside it is positioned at the user's call.
func Load(opts *eval.Options) {
	lib := LibrarySource()
	if !slices.Contains(opts.Library, lib) {
		opts.Library = append(opts.Library, lib)
	}
}

// New makes an interpreter with the library loaded: eval.New with opts
// completed by Load.
func New(opts eval.Options) (*eval.Interp, error) {
	Load(&opts)
	return eval.New(opts)
}

// ErrNotLoaded is returned by the hooks that need the library when the
// interpreter was made without it.
var ErrNotLoaded = errors.New("the concurrency library (prelude.scm) is not loaded")

// Loaded reports whether in has the library.
func Loaded(in *eval.Interp) bool {
	_, ok := in.Lookup("%program-end")
	return ok
}

// call applies the library's procedure name to args, as a top-level
// evaluation of its own. Without the library it returns ErrNotLoaded.
func call(in *eval.Interp, name string, args ...value.Value) (value.Value, error) {
	proc, ok := in.Lookup(name)
	if !ok {
		return nil, ErrNotLoaded
	}
	return in.Apply(proc, args)
}

// run is call for a hook whose value does not matter and which does
// nothing without the library.
func run(in *eval.Interp, name string, args ...value.Value) error {
	_, err := call(in, name, args...)
	if errors.Is(err, ErrNotLoaded) {
		return nil
	}
	return err
}
