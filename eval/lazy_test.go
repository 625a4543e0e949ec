package eval_test

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/eval"
	"contigo/prelude"
	"contigo/reader"
	"contigo/value"
)

// newLibInterp makes an interpreter with the whole library.
func newLibInterp(t *testing.T, out *bytes.Buffer) *eval.Interp {
	t.Helper()
	in, err := prelude.New(eval.Options{Stdout: out, Stderr: out, Stdin: strings.NewReader("")})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestLazyLibraryIsEager compiles every procedure of the library that
// start-up left for its first call, and compares the code with an
// interpreter that compiled the library as it loaded: the same, so that
// compiling late changes nothing, and no procedure of the library hides
// a syntax error.
func TestLazyLibraryIsEager(t *testing.T) {
	var out bytes.Buffer
	lazy := newLibInterp(t, &out)
	// The definitions the images deferred (image.go), made as at load.
	eval.MakeAllDeferred(lazy)
	if eval.PendingBodies(lazy) < 100 {
		t.Fatalf("only %d library procedures left to compile at their first call", eval.PendingBodies(lazy))
	}
	if eval.UnreadBodies(lazy) < 100 {
		t.Fatalf("only %d library procedures left to read at their first call", eval.UnreadBodies(lazy))
	}
	t.Logf("%d procedures left to compile, %d of them to read", eval.PendingBodies(lazy), eval.UnreadBodies(lazy))
	if err := eval.CompileLibrary(lazy); err != nil {
		t.Fatal(err)
	}
	if n := eval.PendingBodies(lazy); n != 0 {
		t.Fatalf("%d bodies still pending", n)
	}
	eval.SetEagerLibrary(true)
	eager := newLibInterp(t, &out)
	eval.SetEagerLibrary(false)
	if n := eval.PendingBodies(eager); n != 0 {
		t.Fatalf("eager: %d bodies pending", n)
	}
	if err := eval.CompareCode(lazy, eager); err != nil {
		t.Error(err)
	}
}

// TestProgramEndCompilesLittle: every program run from a file ends with
// prelude.ProgramEnd, whose first call compiles %program-end. For a
// program that calls nothing of the library, that should be all the
// compiling its end costs. A macro use in %program-end's body compiled
// the transformers it names and the inliner (%inline-expand): a third
// of the start of a program that displays a number
// (bench/startup.sh).
func TestProgramEndCompilesLittle(t *testing.T) {
	var out bytes.Buffer
	in := newLibInterp(t, &out)
	forms, srcmap, err := eval.ReadForms("(display 1)", "test.scm")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Eval(forms[0], srcmap); err != nil {
		t.Fatal(err)
	}
	before := eval.CompiledBodies(in)
	if err := prelude.ProgramEnd(in); err != nil {
		t.Fatal(err)
	}
	var compiled []string
	for name := range eval.CompiledBodies(in) {
		if !before[name] {
			compiled = append(compiled, name)
		}
	}
	sort.Strings(compiled)
	if diff := cmp.Diff([]string{"%program-end"}, compiled); diff != "" {
		t.Errorf("bodies compiled by the end of the program (-want +got):\n%s", diff)
	}
}

// TestFirstCallsRunNoTransformer: the images hold the library's
// procedures with the macro uses in their bodies expanded
// (image_expand.go), so the first calls of go, send and recv, which
// compile some sixty of them, run no transformer: neither the inliner
// nor the record macros' (which needs their bodies compiled). Only the
// macros that expand to a number, a field's index, are left to expand.
func TestFirstCallsRunNoTransformer(t *testing.T) {
	var out bytes.Buffer
	in := newLibInterp(t, &out)
	before := eval.CompiledBodies(in)
	forms, srcmap, err := eval.ReadForms("(begin (define c (make-chan)) (go (send c 1)) (recv c))", "test.scm")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Eval(forms[0], srcmap); err != nil {
		t.Fatal(err)
	}
	var compiled, transformers []string
	for name := range eval.CompiledBodies(in) {
		if before[name] {
			continue
		}
		compiled = append(compiled, name)
		if name == "go" {
			continue // the program's own macro use
		}
		if name == "%inline-expand" || eval.IsMacro(in, name) && !strings.HasSuffix(name, "-index") {
			transformers = append(transformers, name)
		}
	}
	if len(compiled) < 20 {
		t.Fatalf("only %d bodies compiled by the first calls: %v", len(compiled), compiled)
	}
	sort.Strings(transformers)
	if len(transformers) > 0 {
		t.Errorf("the first calls of go, send and recv compiled transformers: %v", transformers)
	}
}

// TestLazyLibraryKeepsItsSyntax checks that what a program does to the
// global environment after start-up (a macro named as a procedure the
// library calls, a special form's name defined as a variable, an import
// that rebinds a name) does not reach into the library's procedures
// compiled at their first call: the program does what it does when the
// library is compiled as it loads.
func TestLazyLibraryKeepsItsSyntax(t *testing.T) {
	for _, tc := range []struct{ name, program string }{
		{"define-macro over a procedure", `
			(define-macro (reverse . args) ''hijacked)
			(write (delete-duplicates '(1 2 1 3 2)))`},
		{"syntax-rules over a procedure", `
			(define-syntax car (syntax-rules () ((_ x) 'hijacked)))
			(write (filter odd? '(1 2 3 4 5)))`},
		{"a macro of the library redefined", `
			(define-macro (%atomic . body) ''hijacked)
			(define wg (make-wait-group))
			(wait-group-add! wg 2)
			(write wg)`},
		{"a macro of the library redefined as a variable", `
			(define (%atomic . body) 'hijacked)
			(define wg (make-wait-group))
			(wait-group-add! wg 2)
			(write wg)`},
		{"special form's name as a variable", `
			(define if (lambda args 'hijacked))
			(write (filter odd? '(1 2 3 4 5)))`},
		{"a special form's name as a macro", `
			(define-macro (cond . clauses) ''hijacked)
			(write (delete-duplicates '(1 2 1 3 2)))`},
		{"a special form's name as a macro, by syntax-rules", `
			(define-syntax if (syntax-rules () ((_ . x) 'hijacked)))
			(write (filter odd? '(1 2 3 4 5)))`},
		{"import rebinding a name", `
			(define-library (hijack) (export reverse) (import (scheme base))
			  (begin (define (reverse l) 'hijacked)))
			(import (hijack))
			(write (filter odd? '(1 2 3 4 5)))`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			run := func(eager bool) string {
				eval.SetEagerLibrary(eager)
				defer eval.SetEagerLibrary(false)
				var out bytes.Buffer
				in := newLibInterp(t, &out)
				err := in.Load(tc.program, "test.scm")
				in.Flush()
				return fmt.Sprintf("%s\nerror: %v", out.String(), err)
			}
			want := run(true)
			if got := run(false); got != want {
				t.Errorf("compiled lazily:\n%s\ncompiled at load:\n%s", got, want)
			}
		})
	}
}

// TestParamArity checks that lazyLambda's quick reading of a parameter
// list agrees with lambdaScope's, which compiling the body uses.
func TestParamArity(t *testing.T) {
	for _, src := range []string{"()", "(a)", "(a b c)", "args", "(a . rest)", "(a b . a)",
		"(a a)", "(a b a)", "(a 1)", "(a . 1)", "(a (b))", "1", "(#f)"} {
		params, err := reader.New(src, "test.scm").Read()
		if err != nil {
			t.Fatal(err)
		}
		if fast, slow := eval.ParamArity(params); fast != slow {
			t.Errorf("%s: %s, lambdaScope %s", src, fast, slow)
		}
	}
}

// TestStopWhileLibraryBodyExpands stops the evaluation (as Ctrl-C or
// Interp.Stop would, from another goroutine) while the first call of a
// library procedure compiles it and a macro in its body expands: the
// evaluation ends with the interrupt, not a Go panic, and the procedure
// compiles and runs at its next call.
func TestStopWhileLibraryBodyExpands(t *testing.T) {
	var out bytes.Buffer
	lib := eval.Source{Name: "lib.scm", Text: `
(define-macro (stop-here x) (if stopping (%stop-now)) x)
(define stopping #t)
(define (lib-proc) (list (stop-here 1) (stop-here 2)))`}
	in, err := eval.New(eval.Options{Stdout: &out, Library: []eval.Source{lib}})
	if err != nil {
		t.Fatal(err)
	}
	in.Define("%stop-now", &value.Primitive{Name: "%stop-now", Min: 0, Max: 0, Fn: func([]value.Value) (value.Value, error) {
		in.Interrupt()
		return value.Unspecified, nil
	}})
	run := func(src string) (value.Value, error) {
		forms, srcmap, err := eval.ReadForms(src, "test.scm")
		if err != nil {
			t.Fatal(err)
		}
		return in.Eval(forms[0], srcmap)
	}
	if _, err := run("(lib-proc)"); err != eval.ErrInterrupted {
		t.Fatalf("first call: got %v, want the interrupt", err)
	}
	if _, err := run("(set! stopping #f)"); err != nil {
		t.Fatal(err)
	}
	v, err := run("(lib-proc)")
	if err != nil || value.WriteString(v) != "(1 2)" {
		t.Fatalf("second call: got %v, %v; want (1 2)", v, err)
	}
}
