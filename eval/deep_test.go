package eval

import (
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/reader"
	"contigo/value"
)

// TestDeepCode checks that code nested deeper than the compiler's bound,
// in source text or given to eval, and macros that expand for ever, end
// in a Scheme error instead of a Go stack overflow or a hang.
func TestDeepCode(t *testing.T) {
	depth := 5_000_000
	textDepth := 1_000_000
	if testing.Short() {
		depth, textDepth = 300_000, 200_000
	}
	plus := value.Intern("+")
	var deep value.Value = value.Int(0)
	for range depth {
		deep = value.List(plus, value.Int(1), deep)
	}
	text := "(display 1)\n" + strings.Repeat("(+ 1 ", textDepth) + "0" + strings.Repeat(")", textDepth) + "\n"
	tests := []struct {
		name string
		run  func(in *Interp) error
		want string
	}{
		{"eval of deep data", func(in *Interp) error {
			_, err := in.Eval(deep, nil)
			return err
		}, "nesting too deep: more than 100000 levels of nested expressions"},
		{"macroexpand-all of deep data", func(in *Interp) error {
			_, err := in.MacroexpandAll(deep, nil)
			return err
		}, "nesting too deep: more than 100000 levels of nested expressions"},
		{"macroexpand-all of a macro expanding for ever", func(in *Interp) error {
			if err := evalText(in, "(define-macro (f) '(f))"); err != nil {
				return err
			}
			_, err := in.MacroexpandAll(value.List(value.Intern("f")), nil)
			return err
		}, "macro expansion too deep: more than 20000 nested expansions (does the expansion of f never end?)"},
		{"deep source text", func(in *Interp) error {
			r := reader.New(text, "deep.scm")
			for {
				d, err := r.Read()
				if err == io.EOF {
					return nil
				}
				if err == nil {
					_, err = in.EvalAt(d, r.SourceMap(), r.Pos())
				}
				if err != nil {
					return err
				}
			}
		}, "deep.scm:2:499996: nesting too deep: more than 100000 levels of nested expressions"},
		{"define-macro expanding for ever", func(in *Interp) error {
			return evalText(in, "(define-macro (f) '(f))\n(f)")
		}, "test:1:20: macro expansion too deep: more than 20000 nested expansions (does the expansion of f never end?)"},
		{"define-macro growing", func(in *Interp) error {
			return evalText(in, "(define-macro (g) '(list (g)))\n(g)")
		}, "test:1:26: macro expansion too deep: more than 20000 nested expansions (does the expansion of g never end?)"},
		{"syntax-rules expanding for ever", func(in *Interp) error {
			return evalText(in, "(define-syntax f (syntax-rules () ((_) (f))))\n(display (f))")
		}, "test:2:10: macro expansion too deep: more than 20000 nested expansions (does the expansion of f never end?)"},
		{"syntax-rules growing", func(in *Interp) error {
			return evalText(in, "(define-syntax g (syntax-rules () ((_ x) (list (g x)))))\n(g 1)")
		}, "test:2:1: macro expansion too deep: more than 20000 nested expansions (does the expansion of g never end?)"},
		{"deep quasiquote with unquotes", func(in *Interp) error {
			tmpl := value.Value(value.List(value.Intern("unquote"), value.Int(1)))
			for range 200_000 {
				tmpl = value.List(tmpl)
			}
			_, err := in.Eval(value.List(value.Intern("quasiquote"), tmpl), nil)
			return err
		}, "quasiquote: template nested too deep (or too long) to expand"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && tc.name == "deep source text" {
				t.Skip("reads a 1,000,000-deep expression")
			}
			in, err := New(Options{Stdout: io.Discard})
			if err != nil {
				t.Fatal(err)
			}
			err = tc.run(in)
			got := "no error"
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func evalText(in *Interp, src string) error {
	forms, srcmap, err := ReadForms(src, "test")
	if err != nil {
		return err
	}
	for _, f := range forms {
		if _, err := in.Eval(f, srcmap); err != nil {
			return err
		}
	}
	return nil
}
