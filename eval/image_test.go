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
