package main

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/eval"
	"contigo/internal/lineedit"
	"contigo/prelude"
	"contigo/value"
)

// fakeReader is a lineReader that returns scripted lines (or errors) and
// records the prompts it was shown and the history it was given.
type fakeReader struct {
	inputs  []any // string or error; io.EOF after the last
	prompts []string
	history []string
	closed  bool
}

func (f *fakeReader) Prompt(p string) (string, error) {
	f.prompts = append(f.prompts, p)
	if len(f.inputs) == 0 {
		return "", io.EOF
	}
	in := f.inputs[0]
	f.inputs = f.inputs[1:]
	if err, ok := in.(error); ok {
		return "", err
	}
	return in.(string), nil
}

func (f *fakeReader) AppendHistory(s string) { f.history = append(f.history, s) }
func (f *fakeReader) Close() error           { f.closed = true; return nil }

func newTestInterp(t *testing.T, stdout, stderr io.Writer) *eval.Interp {
	t.Helper()
	in, err := prelude.New(eval.Options{
		Stdout: stdout, Stderr: stderr, Stdin: strings.NewReader(""),
		Args: []string{"contigo"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func TestREPL(t *testing.T) {
	const (
		p = promptMain
		m = promptMore
	)
	tests := []struct {
		name    string
		inputs  []any
		code    int
		stdout  string
		stderr  string // "" or a substring expected in stderr
		prompts []string
		history []string
	}{
		{
			name:    "results in write form",
			inputs:  []any{`"a\nb"`, `#\x`, `'(1 "two" #\3 sym)`, `(vector 1.5 'a)`},
			stdout:  "\"a\\nb\"\n#\\x\n(1 \"two\" #\\3 sym)\n#(1.5 a)\n",
			prompts: []string{p, p, p, p, p},
			history: []string{`"a\nb"`, `#\x`, `'(1 "two" #\3 sym)`, `(vector 1.5 'a)`},
		},
		{
			name:    "unspecified shows nothing, multiple values one per line",
			inputs:  []any{"(define x 5)", "(if #f #f)", "(values 1 'b \"c\")", "(values)", "x"},
			stdout:  "1\nb\n\"c\"\n5\n",
			prompts: []string{p, p, p, p, p, p},
		},
		{
			name:    "multi-line entry",
			inputs:  []any{"(define (sq x)", "  (* x", "     x))", "(sq 7)"},
			stdout:  "49\n",
			prompts: []string{p, m, m, p, p},
			history: []string{"(define (sq x) (* x x))", "(sq 7)"},
		},
		{
			name:    "multi-line string stays line by line in history",
			inputs:  []any{`(string-length "ab`, `cd")`},
			stdout:  "5\n",
			prompts: []string{p, m, p},
			history: []string{`(string-length "ab`, `cd")`},
		},
		{
			name:    "strings and block comments within lines are joined",
			inputs:  []any{"(begin #| a |#", `  (string-append "a;b" "|")`, "  )"},
			stdout:  "\"a;b|\"\n",
			prompts: []string{p, m, m, p},
			history: []string{`(begin #| a |# (string-append "a;b" "|") )`},
		},
		{
			name:    "line comment in a multi-line entry",
			inputs:  []any{"(+ 1 ; one", "2)"},
			stdout:  "3\n",
			prompts: []string{p, m, p},
			history: []string{"(+ 1 ; one", "2)"},
		},
		{
			name:    "several forms on one line",
			inputs:  []any{"(define a 1) (define b 2) (+ a b) (* 10 b)"},
			stdout:  "3\n20\n",
			prompts: []string{p, p},
		},
		{
			name:    "a complete form waits for an incomplete one on its line",
			inputs:  []any{"(display 1) (+ 2", "3)"},
			stdout:  "1\n5\n", // the result starts on a fresh line after the display
			prompts: []string{p, m, p},
		},
		{
			name:    "error then continue",
			inputs:  []any{"(display \"before\")", "(car 1)", "(+ 1 1)"},
			stdout:  "before\n2\n",
			stderr:  "<repl>:2:1: car: expected pair, got 1",
			prompts: []string{p, p, p, p},
		},
		{
			name:    "error skips the rest of the line",
			inputs:  []any{"(car 1) (display \"skipped\")", "'next"},
			stdout:  "next\n",
			stderr:  "car: expected pair",
			prompts: []string{p, p, p},
		},
		{
			// As in Guile and Racket: (sq 5)) shows 25, then the error.
			name:    "stray paren after a form runs the form, then reports",
			inputs:  []any{"(display \"yes\") ) (display \"dropped\")", "'ok"},
			stdout:  "yes\nok\n",
			stderr:  "<repl>:1:17: unexpected ')'",
			prompts: []string{p, p, p},
		},
		{
			name:    "syntax error in the first form discards the input",
			inputs:  []any{"#q (display \"no\")", "'ok"},
			stdout:  "ok\n",
			stderr:  "<repl>:1:1:",
			prompts: []string{p, p, p},
		},
		{
			name:    "Ctrl-C at the prompt discards partial input",
			inputs:  []any{"(list 1", lineedit.ErrAborted, "'fresh"},
			stdout:  "fresh\n",
			prompts: []string{p, m, p, p},
		},
		{
			name:    "EOF exits",
			inputs:  []any{"(+ 1 2)"},
			stdout:  "3\n",
			prompts: []string{p, p},
		},
		{
			name:    "incomplete input at EOF",
			inputs:  []any{"(+ 1 2)", "(list 1"},
			stdout:  "3\n",
			stderr:  "<repl>:2:1: unterminated list",
			prompts: []string{p, p, m},
		},
		{
			name:    "exit ends the REPL with its status",
			inputs:  []any{`(display "bye")`, "(exit 3)", "'not-reached"},
			code:    3,
			stdout:  "bye\n", // the prompt moved to a fresh line
			prompts: []string{p, p},
		},
		{
			name:    "blank lines are skipped and not recorded",
			inputs:  []any{"", "   ", "1"},
			stdout:  "1\n",
			prompts: []string{p, p, p, p},
			history: []string{"1"},
		},
		{
			name:    "a repeated entry is recorded once",
			inputs:  []any{"1", "1"},
			stdout:  "1\n1\n",
			prompts: []string{p, p, p},
			history: []string{"1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			out := &lineEnd{w: &stdout}
			in := newTestInterp(t, out, &stderr)
			fr := &fakeReader{inputs: tt.inputs}
			s := &session{in: in, lr: fr, stdout: out, stderr: &stderr, file: "<repl>", interactive: true, out: out}
			code := s.run()
			if code != tt.code {
				t.Errorf("exit code = %d, want %d", code, tt.code)
			}
			if diff := cmp.Diff(tt.stdout, stdout.String()); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if tt.stderr == "" && stderr.Len() > 0 || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr.String(), tt.stderr)
			}
			if diff := cmp.Diff(tt.prompts, fr.prompts); diff != "" {
				t.Errorf("prompts (-want +got):\n%s", diff)
			}
			if tt.history != nil {
				if diff := cmp.Diff(tt.history, fr.history); diff != "" {
					t.Errorf("history (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestREPLErrorShowsBacktrace(t *testing.T) {
	var stdout, stderr bytes.Buffer
	in := newTestInterp(t, &stdout, &stderr)
	fr := &fakeReader{inputs: []any{"(define (f x) (car x))", "(f 1)"}}
	s := &session{in: in, lr: fr, stdout: &stdout, stderr: &stderr, file: "<repl>", interactive: true}
	s.run()
	if !strings.Contains(stderr.String(), "backtrace") {
		t.Errorf("stderr = %q, want a backtrace", stderr.String())
	}
}

func TestREPLInterrupt(t *testing.T) {
	var stdout, stderr bytes.Buffer
	in := newTestInterp(t, &stdout, &stderr)
	in.Interrupt() // stale: must not stop the next evaluation
	fr := &fakeReader{inputs: []any{"(+ 1 1)"}}
	s := &session{in: in, lr: fr, stdout: &stdout, stderr: &stderr, file: "<repl>", interactive: true}
	s.run()
	if diff := cmp.Diff("2\n", stdout.String()); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}

	// An interrupt during an evaluation stops it; the REPL goes on.
	stdout.Reset()
	fr = &fakeReader{inputs: []any{"(define n 0)", "(let loop () (set! n (+ n 1)) (if (= n 1000) (interrupt-me)) (loop))", "'after"}}
	in.Define("interrupt-me", &value.Primitive{Name: "interrupt-me", Fn: func([]value.Value) (value.Value, error) {
		in.Interrupt() // as the SIGINT handler does
		return value.Unspecified, nil
	}})
	s = &session{in: in, lr: fr, stdout: &stdout, stderr: &stderr, file: "<repl>", interactive: true}
	s.run()
	if diff := cmp.Diff("after\n", stdout.String()); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr = %q, want interrupted", stderr.String())
	}
}

func TestCompleteWord(t *testing.T) {
	in := newTestInterp(t, io.Discard, io.Discard)
	tests := []struct {
		line       string
		pos        int
		head, tail string
		want       []string
	}{
		{"(call-w", 7, "(", "", []string{"call-with-current-continuation", "call-with-values"}},
		{"(map car-x", 10, "(map ", "", nil},
		{"'(vector-ref", 12, "'(", "", []string{"vector-ref"}},
		{"(list 1 2) (car", 3, "(", "st 1 2) (car", []string{"list", "list->string", "list->vector", "list-copy", "list-ref", "list-tail", "list?"}},
		{"(λ ", 3, "(λ ", "", nil},
		{"", 0, "", "", nil},
	}
	for _, tt := range tests {
		head, got, tail := completeWord(in, tt.line, tt.pos)
		if head != tt.head || tail != tt.tail {
			t.Errorf("completeWord(%q, %d): head, tail = %q, %q, want %q, %q", tt.line, tt.pos, head, tail, tt.head, tt.tail)
		}
		for _, w := range tt.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("completeWord(%q, %d) = %q, want it to include %q", tt.line, tt.pos, got, w)
			}
		}
		if tt.want == nil && got != nil {
			t.Errorf("completeWord(%q, %d) = %q, want none", tt.line, tt.pos, got)
		}
	}
}

// TestEntryComplete checks when the session decides that the lines typed
// so far hold complete data (the reader decides, reading the text after
// the last known open list first: see mayBeComplete).
func TestEntryComplete(t *testing.T) {
	tests := []struct {
		lines    []string
		complete bool
	}{
		{[]string{"(a (b) c)"}, true},
		{[]string{"(a (b c)"}, false},
		{[]string{"(a", "b)"}, true},
		{[]string{`(a ")" b`}, false},
		{[]string{`(a "x`, `)" b)`}, true},
		{[]string{`"a\"`, `)"`}, true},
		{[]string{`(a #\) b`}, false},
		{[]string{`(a #\( b)`}, true},
		{[]string{`(a |x)y| b`}, false},
		{[]string{"(a ; )"}, false},
		{[]string{"(a #| ) |# b"}, false},
		{[]string{"(a #| #| |# ) |# b)"}, true},
		{[]string{"(a #|", ") |# b)"}, true},
		{[]string{"#(1 2) #u8(3) [x]"}, true},
		{[]string{"(a #;(b c) d)"}, true},
		{[]string{"(a b#|c)|#"}, true}, // b#, |c)|, then a stray # the reader reports
		{[]string{"(define (f x)", "  (let ((y 1))", "    (g y))", ")"}, true},
		{[]string{"(define (f x)", "  (let ((y 1))", "    (g y))"}, false},
		{[]string{"(a", "b c", "(d", "e)", "f"}, false},
		{[]string{"(a", "b c", "(d", "e)", "f)"}, true},
		{[]string{"(a", "#;", "b)"}, true},
		{[]string{"(a", "#;", "b"}, false},
		{[]string{"(a", "'", "b)"}, true},
		{[]string{"(a", "'"}, false},
		{[]string{"(a", `"s`, `t"`, ")"}, true},
		{[]string{"(a", `"s)`, `t"`}, false},
		{[]string{"(a", "#|", ")", "|# b)"}, true},
		{[]string{"(a", "#|", "|# b"}, false},
		{[]string{"#0=(a", "#0#)"}, true},
		{[]string{"#0=(a", "#0#", ")"}, true},
		{[]string{"(a", ". b)"}, true},
		{[]string{"(a", "b", ". c)"}, true},
		{[]string{"[a", "(b)", "c]"}, true},
		{[]string{"#(1", "2)"}, true},
		{[]string{"#u8(1", "2", ")"}, true},
		{[]string{"(a", "b))"}, true}, // complete, then an error
		{[]string{"(a", "#!fold-case", "B)"}, true},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		out := &lineEnd{w: &stdout}
		in := newTestInterp(t, out, &stderr)
		fr := &fakeReader{inputs: append([]any{}, anys(tt.lines)...)}
		s := &session{in: in, lr: fr, stdout: out, stderr: &stderr, file: "<repl>", interactive: true, out: out}
		s.run()
		want := promptMore
		if tt.complete {
			want = promptMain
		}
		if got := fr.prompts[len(tt.lines)]; got != want {
			t.Errorf("%q: then prompted %q, want %q", tt.lines, got, want)
		}
	}
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// TestLargeEntryIsLinear feeds forms of many lines, which must not be
// re-read in full after each line: a list of data, and a procedure whose
// body spreads each form over several lines.
func TestLargeEntryIsLinear(t *testing.T) {
	var src strings.Builder
	src.WriteString("(define big '(\n")
	for i := range 20000 {
		src.WriteString("  (item \"s ( ;\" #\\( |a b| ")
		src.WriteString(strings.Repeat("x", i%7))
		src.WriteString(")\n")
	}
	src.WriteString("))\n")
	src.WriteString("(define (f)\n  (let ((n 0))\n")
	for range 2000 {
		src.WriteString("    (set! n\n      (+ n\n         (let ((y 1))\n           y)))\n")
	}
	src.WriteString("    n))\n")
	src.WriteString("(display (+ (length big) (f)))\n")
	var stdout, stderr bytes.Buffer
	in := newTestInterp(t, &stdout, &stderr)
	lr := &plainReader{r: bufio.NewReader(strings.NewReader(src.String()))}
	s := &session{in: in, lr: lr, stdout: &stdout, stderr: &stderr, file: "<stdin>"}
	if code := s.run(); code != 0 {
		t.Fatalf("exit code %d, stderr %q", code, stderr.String())
	}
	if diff := cmp.Diff("22000", stdout.String()); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
}
