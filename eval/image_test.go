package eval_test

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/eval"
	"contigo/prelude"
	"contigo/value"
)

// TestImageIsText checks that loading the library from its images
// (image.go) makes the interpreter that loading its text makes: the same
// globals, with the same values, and once every procedure left for its
// first call is compiled, the same code with the same positions; as many
// gensyms made. (The transformers that loading the text runs, those of
// %define-record and %define-inline, are left for their first call.)
func TestImageIsText(t *testing.T) {
	load := func(images bool) (*eval.Interp, string) {
		eval.SetImages(images)
		defer eval.SetImages(true)
		var out bytes.Buffer
		before := value.Gensym("")
		in := newLibInterp(t, &out)
		after := value.Gensym("")
		return in, fmt.Sprint(gensymNumber(t, after) - gensymNumber(t, before))
	}
	img, imgSyms := load(true)
	text, textSyms := load(false)
	if n := eval.LoadedFromImages(img); n != 4 {
		t.Fatalf("%d sources loaded from images, want 4 (core, srfi, inline, prelude): run go generate ./prelude", n)
	}
	if n := eval.LoadedFromImages(text); n != 0 {
		t.Fatalf("%d sources loaded from images with images off", n)
	}
	if n := eval.DeferredDefinitions(img); n < 400 {
		t.Errorf("only %d definitions deferred", n)
	}
	t.Logf("%d definitions deferred", eval.DeferredDefinitions(img))
	if imgSyms != textSyms {
		t.Errorf("gensyms made by loading: %s from images, %s from text", imgSyms, textSyms)
	}
	va, na := eval.Globals(img)
	vb, nb := eval.Globals(text)
	if diff := cmp.Diff(nb, na); diff != "" {
		t.Errorf("globals (-text +images):\n%s", diff)
	}
	if diff := cmp.Diff(vb, va); diff != "" {
		t.Errorf("values (-text +images):\n%s", diff)
	}
	for _, in := range []*eval.Interp{img, text} {
		if err := eval.CompileLibrary(in); err != nil {
			t.Fatal(err)
		}
	}
	if err := eval.CompareCode(img, text); err != nil {
		t.Error(err)
	}
	if err := eval.CompareCode(text, img); err != nil {
		t.Error(err)
	}
}

func gensymNumber(t *testing.T, s *value.Symbol) int {
	n, err := strconv.Atoi(s.Name)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestImagesAreFresh checks that the images the binary embeds are those
// the library's sources give now: when it fails, run go generate
// ./prelude.
func TestImagesAreFresh(t *testing.T) {
	fresh, err := prelude.BuildImages()
	if err != nil {
		t.Fatal(err)
	}
	embedded := append(eval.BuiltinLibrary(), prelude.LibrarySource())
	if len(fresh) != len(embedded) {
		t.Fatalf("%d sources built, %d embedded", len(fresh), len(embedded))
	}
	for i, s := range fresh {
		if s.Name != embedded[i].Name || s.Text != embedded[i].Text {
			t.Fatalf("source %d: %s built, %s embedded", i, s.Name, embedded[i].Name)
		}
		if s.Image != embedded[i].Image {
			t.Errorf("the image of %s is stale: run go generate ./prelude", s.Name)
		}
	}
}

// TestImageOfOtherSources checks that an image is used only for the
// sources it was made for: prelude.scm's image, given with another text
// or after another library, is ignored, and the text loads.
func TestImageOfOtherSources(t *testing.T) {
	lib := prelude.LibrarySource()
	for _, tc := range []struct {
		name    string
		library []eval.Source
	}{
		{"other text", []eval.Source{{Name: lib.Name, Text: lib.Text + "\n(define %extra 1)\n", Image: lib.Image}}},
		{"other name", []eval.Source{{Name: "other.scm", Text: lib.Text, Image: lib.Image}}},
		{"after another source", []eval.Source{{Name: "a.scm", Text: "(define %a 1)"}, lib}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			in, err := eval.New(eval.Options{Stdout: &out, Stderr: &out, Stdin: strings.NewReader(""), Library: tc.library})
			if err != nil {
				t.Fatal(err)
			}
			if n := eval.LoadedFromImages(in); n != 3 {
				t.Errorf("%d sources loaded from images, want 3 (the built-in ones)", n)
			}
			if _, ok := in.Lookup("%program-end"); !ok {
				t.Error("the library did not load")
			}
		})
	}
}

// TestDeferredDefinitions runs programs that meet the library's
// definitions that its images defer (image.go) in the ways a program can:
// calling, redefining, assigning, shadowing them by macros and imports,
// asking for suggestions, completions and expansions. Each must do what
// it does with the library loaded from its text.
func TestDeferredDefinitions(t *testing.T) {
	for _, tc := range []struct{ name, program string }{
		{"call", `(write (filter odd? (iota 7)))`},
		{"redefine before use", `(define (filter p l) 'mine) (write (filter odd? '(1 2))) (write (remove odd? '(1 2 3)))`},
		{"assign", `(set! delete-duplicates (lambda (l) 'mine)) (write (delete-duplicates '(1 1)))`},
		{"a macro over a deferred name", `(define-macro (partition . x) ''hijacked) (write (partition odd? '(1 2)))`},
		{"a record macro", `(define c (make-chan 1)) (send c 5) (write (recv c)) (write c)`},
		{"macroexpand a library macro", `(write (macroexpand '(%chan-len c)))`},
		{"suggestion", `(filtr odd? '(1 2))`},
		{"unbound", `(write (procedure? delete!)) (no-such-procedure)`},
		{"import", `(import (only (srfi 1) filter)) (write (filter even? '(1 2)))`},
		{"eval", `(write (eval '(reduce + 0 '(1 2 3)) (interaction-environment)))`},
		{"goroutines", `(define ch (make-chan)) (go (send ch 'hi)) (write (recv ch))`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			run := func(images bool) string {
				eval.SetImages(images)
				defer eval.SetImages(true)
				var out bytes.Buffer
				in := newLibInterp(t, &out)
				err := in.Load(tc.program, "test.scm")
				in.Flush()
				return fmt.Sprintf("%s\nerror: %v\ncompletions: %v", out.String(), err, in.Completions("lset"))
			}
			want := run(false)
			if got := run(true); got != want {
				t.Errorf("from images:\n%s\nfrom text:\n%s", got, want)
			}
		})
	}
}
