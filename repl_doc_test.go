package main

import (
	"bytes"
	"io"
	"io/fs"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/reader"
)

// concurrencyFixture is in the shape of docs/reference/concurrency.md,
// written on another branch.
const concurrencyFixture = "# Concurrency reference\n\nIntro text, ignored.\n\n## Channels\n\n" +
	"### `(make-chan [capacity])`\nReturns a new channel.\n\nA channel of capacity 0 is unbuffered:\n\n" +
	"```scheme\n# not a heading: inside a fence\n(make-chan)\n```\n\n" +
	"### `(send ch v)`\nSends v on ch, blocking until a receiver takes it.\n" +
	"### `(go expr ...)`\n\nStarts a goroutine.\n## Next section\ntext\n"

func TestParseReference(t *testing.T) {
	got := parseReference(concurrencyFixture, "concurrency.md")
	want := []*docEntry{
		{name: "make-chan", signature: "(make-chan [capacity])", summary: "Returns a new channel.",
			body: "A channel of capacity 0 is unbuffered:\n\n```scheme\n# not a heading: inside a fence\n(make-chan)\n```", source: "concurrency.md"},
		{name: "send", signature: "(send ch v)", summary: "Sends v on ch, blocking until a receiver takes it.", source: "concurrency.md"},
		{name: "go", signature: "(go expr ...)", summary: "Starts a goroutine.", source: "concurrency.md"},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(docEntry{})); diff != "" {
		t.Errorf("parseReference (-want +got):\n%s", diff)
	}
	for sig, name := range map[string]string{"else": "else", "(car pair)": "car", "(current-jiffy)": "current-jiffy", "...": "..."} {
		if got := signatureName(sig); got != name {
			t.Errorf("signatureName(%q) = %q, want %q", sig, got, name)
		}
	}
}

// TestReferenceCoversBuiltins checks that every public built-in (bound
// without the prelude) has an entry in docs/reference, and that every
// documented name is bound or is auxiliary syntax.
func TestReferenceCoversBuiltins(t *testing.T) {
	in := metaInterp(t, io.Discard, io.Discard, false)
	d := docs()
	for _, name := range in.Completions("") {
		if len(d[name]) == 0 {
			t.Errorf("%s is bound but has no entry in docs/reference/r7rs.md", name)
		}
	}
	full := newTestInterp(t, io.Discard, io.Discard)
	aux := map[string]bool{"else": true, "=>": true, "...": true, "_": true, "unquote": true, "unquote-splicing": true}
	// (scheme complex), documented ahead of the branch that binds it
	// (issue 10).
	complexLib := map[string]bool{"make-rectangular": true, "make-polar": true, "real-part": true,
		"imag-part": true, "angle": true}
	for name, entries := range d {
		if aux[name] || complexLib[name] {
			continue
		}
		if !contains(full.Completions(name), name) {
			t.Errorf("%s is documented in %s but not bound", name, entries[0].source)
		}
	}
	for _, e := range docList {
		if e.summary == "" {
			t.Errorf("%s (%s) has no summary", e.name, e.source)
		}
	}
}

// TestReferenceCoversPrelude checks the concurrency library's names
// against docs/reference/concurrency.md, which the concurrency branch
// writes.
func TestReferenceCoversPrelude(t *testing.T) {
	if _, err := fs.Stat(referenceFS, "docs/reference/concurrency.md"); err != nil {
		t.Skip("docs/reference/concurrency.md is not in this tree yet")
	}
	core := metaInterp(t, io.Discard, io.Discard, false)
	full := newTestInterp(t, io.Discard, io.Discard)
	for _, name := range full.Completions("") {
		if !contains(core.Completions(name), name) && len(docs()[name]) == 0 {
			t.Errorf("%s (prelude.scm) has no entry in docs/reference", name)
		}
	}
}

func TestDocCommands(t *testing.T) {
	tests := []struct {
		name, line     string
		stdout, stderr string
	}{
		{name: "doc", line: ",doc vector-ref", stdout: "(vector-ref vector k)\n  Returns element k of vector (counting from 0).\n"},
		{name: "doc of a form as typed", line: ",doc (vector-ref v 0)", stdout: "(vector-ref vector k)\n  Returns element k of vector (counting from 0).\n"},
		{name: "doc of ...", line: ",doc ...", stdout: "...\n  Auxiliary syntax: in syntax-rules, matches zero or more of the pattern before it.\n"},
		{name: "doc syntax", line: ",doc else", stdout: "else\n  Auxiliary syntax: the catch-all clause of cond, case and guard.\n"},
		{name: "doc misspelt", line: ",doc lenght",
			stderr: "no documentation for lenght (did you mean length?); ,apropos TEXT searches names and summaries\n"},
		{name: "doc no name", line: ",doc", stderr: ",doc needs a name, as in ,doc map (,apropos TEXT searches)\n"},
		{name: "describe builtin", line: ",describe car",
			stdout: "car is bound to #<procedure car>\n\n(car pair)\n  Returns the car (first part) of pair.\n"},
		{name: "describe syntax", line: ",describe when",
			stdout: "when is syntax (a special form or macro)\n\n(when test body ...)\n  Evaluates the body if test is true.\n"},
		{name: "describe user definition", line: ",describe double",
			stdout: "double is bound to #<procedure double>\n(no documentation: not one of contigo's built-ins)\n"},
		{name: "describe unbound", line: ",describe frobnicate",
			stderr: "no documentation for frobnicate; ,apropos TEXT searches names and summaries\n"},
		{name: "apropos searches names", line: ",apropos hash-table-ref",
			stdout: "hash-table-ref               Returns the value of key (passed to success), else calls failure (an error if none).\n" +
				"hash-table-ref/default       Returns the value of key, or default if table has no such key.\n"},
		{name: "apropos searches summaries and user names", line: ",apropos DOUBLE",
			stdout: "double                       (no documentation)\n"},
		{name: "apropos ignores case in summaries", line: ",apropos fmt.println",
			stdout: "println                      Displays the objs separated by spaces, then a newline, as Go's fmt.Println.\n"},
		{name: "apropos nothing", line: ",apropos zzqq", stdout: "nothing matches \"zzqq\"\n"},
		{name: "bt without error", line: ",bt", stdout: "no error yet\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			in := metaInterp(t, &out, &errOut, false)
			form, err := reader.New("(define (double x) (* 2 x))", "<test>").Read()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := in.Eval(form, nil); err != nil {
				t.Fatal(err)
			}
			metaCommand(in, tt.line, &out, &errOut)
			if diff := cmp.Diff(tt.stdout, out.String()); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.stderr, errOut.String()); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBT checks that ,bt shows the last error of the session with its
// backtrace, through the prompt-less REPL.
func TestBT(t *testing.T) {
	var stdout, stderr bytes.Buffer
	stdin := "(define (f x) (car x))\n(define (g x) (+ 1 (f x)))\n(g 5)\n,bt\n"
	run(nil, strings.NewReader(stdin), &stdout, &stderr)
	want := "<stdin>:1:15: car: expected pair, got 5\nbacktrace (innermost first):\n" +
		"  f at <stdin>:1:15\n  g at <stdin>:2:20\n"
	if diff := cmp.Diff(want, stdout.String()); diff != "" {
		t.Errorf(",bt (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, stderr.String()); diff != "" {
		t.Errorf("the error as reported (-want +got):\n%s", diff)
	}
}
