package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/eval"
	"contigo/prelude"
	"contigo/reader"
)

// metaInterp makes an interpreter writing to out and errOut, with the
// prelude if withPrelude.
func metaInterp(t *testing.T, out, errOut io.Writer, withPrelude bool) *eval.Interp {
	t.Helper()
	opts := eval.Options{Stdout: out, Stderr: errOut, Stdin: strings.NewReader("")}
	if withPrelude {
		prelude.Load(&opts)
	}
	in, err := eval.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func TestMetaCommand(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.scm")
	if err := os.WriteFile(lib, []byte("(define (square x) (* x x))\n(display \"loaded\")\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Each step is a meta-command or a Scheme form (evaluated with its
	// result written, as the REPL does).
	tests := []struct {
		name    string
		prelude bool
		steps   []string
		stdout  string
		stderr  string // regexp, "" for none
	}{
		{name: "help", steps: []string{",help"},
			stdout: "Meta-commands (at the start of a line):\n" +
				"  ,help                list the meta-commands\n" +
				"  ,expand EXPR         expand every macro use in EXPR and pretty-print the result\n" +
				"  ,pp EXPR             evaluate EXPR and pretty-print its value\n" +
				"  ,time EXPR           evaluate EXPR, show the wall time and allocations, then its value\n" +
				"  ,trace [PROC ...]    show the calls and returns of global procedures (no PROC: list the traced ones)\n" +
				"  ,untrace [PROC ...]  stop tracing PROC (no PROC: all of them)\n" +
				"  ,goroutines          list the goroutines: id, state and what a blocked one waits for\n" +
				"  ,cont K              show what the continuation K will do when resumed (its frames, innermost first)\n" +
				"  ,load FILE           load a Scheme file\n" +
				"  ,doc NAME            show the documentation of a procedure or syntax\n" +
				"  ,describe NAME       show what NAME is bound to, then its documentation\n" +
				"  ,apropos TEXT        list the names whose name or summary contains TEXT\n" +
				"  ,bt                  show the last error again with its backtrace\n" +
				"  ,quit                leave the REPL\n" +
				"Anything else is Scheme, evaluated when the form is complete.\n"},
		{name: "expand pretty-prints the full expansion",
			steps: []string{
				"(define-syntax my-or (syntax-rules () ((_) #f) ((_ e) e) ((_ e r ...) (let ((t e)) (if t t (my-or r ...))))))",
				",expand (define (first-true a b c) (my-or (and a (car a)) (and b (car b)) (and c (car c)) t))",
			},
			// Every temporary would capture the user's t: each is
			// renamed, to a name used nowhere else.
			stdout: "(define (first-true a b c)\n" +
				"  (let ((t.3 (and a (car a))))\n" +
				"    (if t.3\n" +
				"        t.3\n" +
				"        (let ((t.2 (and b (car b))))\n" +
				"          (if t.2 t.2 (let ((t.1 (and c (car c)))) (if t.1 t.1 t)))))))\n"},
		{name: "expand defines nothing", steps: []string{",expand (define x 1)", "(guard (e (#t 'unbound)) x)"},
			stdout: "(define x 1)\nunbound\n"},
		{name: "expand error", steps: []string{",expand (lambda (1) 2)"}, stderr: `bad syntax: parameter must be a symbol, got 1`},
		{name: "pp", steps: []string{",pp (list 'define '(f x) (list 'let (list (list 'y 'x)) '(display \"a rather long string to break the line\") 'y))"},
			stdout: "(define (f x)\n  (let ((y x)) (display \"a rather long string to break the line\") y))\n"},
		{name: "time shows time and allocations, then the value",
			steps:  []string{",time (let loop ((i 0) (acc '())) (if (= i 1000) (length acc) (loop (+ i 1) (cons i acc))))"},
			stdout: `;; TIME real, N allocations, SIZE` + "\n1000\n"},
		{name: "time of an error", steps: []string{",time (car 1)"},
			stdout: ";; TIME real, N allocations, SIZE\n", stderr: `car: expected pair, got 1`},
		{name: "time after output without a newline", steps: []string{",time (begin (display \"hi\") 'done)"},
			stdout: "hi\n;; TIME real, N allocations, SIZE\ndone\n"},
		{name: "trace and untrace",
			steps: []string{
				"(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))",
				",trace fib",
				"(fib 3)",
				",trace",
				",untrace fib",
				"(fib 3)",
				",trace",
			},
			stdout: "tracing fib\n" +
				"| (fib 3)\n| | (fib 2)\n| | | (fib 1)\n| | | 1\n| | | (fib 0)\n| | | 0\n| | 1\n| | (fib 1)\n| | 1\n| 2\n2\n" +
				"traced: fib\nuntraced fib\n2\nnothing is traced\n"},
		{name: "trace shows which goroutine made each call", prelude: true,
			steps: []string{
				"(define (sq x) (* x x))",
				",trace sq",
				"(sq 2)",
				"(define c (make-chan))",
				"(begin (go (send c (sq 3))) (recv c))",
			},
			stdout: "tracing sq\n| (sq 2)\n| 4\n4\n" +
				"[goroutine 2] | (sq 3)\n[goroutine 2] | 9\n9\n"},
		{name: "trace survives escapes and shows multiple values",
			steps: []string{
				"(define (f x) (if (< x 0) (raise 'negative) (values x (* x x))))",
				"(define (g x) (guard (e (#t 'caught)) (f x)))",
				",trace f g",
				"(g -1)",
				"(g 2)",
				",untrace",
			},
			stdout: "tracing f\ntracing g\n" +
				"| (g -1)\n| | (f -1)\n| caught\ncaught\n" +
				"| (g 2)\n| | (f 2)\n| | 2 4\n| 2 4\n2\n4\n" +
				"untraced f\nuntraced g\n"},
		{name: "tracing display does not recurse",
			steps:  []string{",trace display", "(display \"x\")", ",untrace display", "(display \"y\")"},
			stdout: "tracing display\n| (display \"x\")\nx| #<unspecified>\nuntraced display\ny"},
		{name: "trace errors",
			steps:  []string{",trace nosuch", "(define v 5)", ",trace v", ",untrace v"},
			stderr: `(?s),trace: nosuch is not defined.*,trace: v is not a procedure: 5.*,untrace: v is not traced`},
		{name: "a redefined procedure is no longer traced",
			steps:  []string{"(define (h) 1)", ",trace h", "(define (h) 2)", "(h)", ",untrace h"},
			stdout: "tracing h\n2\nh was redefined since ,trace; it is no longer traced\n"},
		{name: "load", steps: []string{",load " + lib, "(square 7)"}, stdout: "loaded\n49\n"},
		{name: "load a missing file", steps: []string{`,load "` + filepath.Join(dir, "nope.scm") + `"`}, stderr: `nope.scm`},
		{name: "goroutines without the concurrency library", steps: []string{",goroutines"},
			stderr: `no goroutines: the concurrency library \(prelude.scm\) is not loaded`},
		{name: "goroutines", prelude: true, steps: []string{",goroutines"}, stdout: "goroutine 1 [running]\n"},
		{name: "unknown command", steps: []string{",frobnicate now"}, stderr: `unknown command ,frobnicate \(,help lists the commands\)`},
		{name: "unique prefix", steps: []string{",exp (define x 1)"}, stdout: "(define x 1)\n"},
		{name: "ambiguous prefix", steps: []string{",t (+ 1 2)"}, stderr: `^ambiguous command ,t: it could be ,time ,trace\n$`},
		{name: "missing and extra expressions", steps: []string{",expand", ",time 1 2"},
			stderr: `(?s),expand needs an expression.*,time takes one expression`},
	}
	timing := regexp.MustCompile(`;; \S+ real, \d+ allocations, [\d.]+ (bytes|KiB|MiB|GiB)`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf, errOut bytes.Buffer
			out := &lineEnd{w: &buf}
			in := metaInterp(t, out, &errOut, tc.prelude)
			for _, line := range tc.steps {
				if strings.HasPrefix(line, ",") {
					handled, quit := metaCommand(in, line, out, &errOut)
					if !handled || quit {
						t.Fatalf("%s: handled %v, quit %v", line, handled, quit)
					}
					continue
				}
				form, err := reader.New(line, "test").Read()
				if err != nil {
					t.Fatal(err)
				}
				v, err := in.Eval(form, nil)
				in.Flush()
				if err != nil {
					t.Fatalf("%s: %v", line, err)
				}
				(&metaCtx{in: in, out: out}).show(v)
			}
			got := timing.ReplaceAllString(buf.String(), ";; TIME real, N allocations, SIZE")
			if diff := cmp.Diff(tc.stdout, got); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			switch {
			case tc.stderr == "" && errOut.Len() > 0:
				t.Errorf("unexpected stderr: %s", errOut.String())
			case tc.stderr != "" && !regexp.MustCompile(tc.stderr).MatchString(errOut.String()):
				t.Errorf("stderr %q does not match %q", errOut.String(), tc.stderr)
			}
		})
	}
}

func TestMetaCommandQuitAndNotMeta(t *testing.T) {
	tests := []struct {
		line          string
		handled, quit bool
	}{
		{",quit", true, true},
		{"  ,q  ", true, true},
		{",exit", true, true},
		{",help", true, false},
		{",(+ 1 2)", false, false},
		{",@x", false, false},
		{",", false, false},
		{"(+ 1 2)", false, false},
	}
	var out, errOut bytes.Buffer
	in := metaInterp(t, &out, &errOut, false)
	for _, tc := range tests {
		handled, quit := metaCommand(in, tc.line, &out, &errOut)
		if handled != tc.handled || quit != tc.quit {
			t.Errorf("metaCommand(%q) = %v, %v; want %v, %v", tc.line, handled, quit, tc.handled, tc.quit)
		}
	}
}

// scriptReader is a lineReader returning scripted lines, then io.EOF.
type scriptReader struct {
	lines   []string
	history []string
}

func (r *scriptReader) Prompt(string) (string, error) {
	if len(r.lines) == 0 {
		return "", io.EOF
	}
	line := r.lines[0]
	r.lines = r.lines[1:]
	return line, nil
}
func (r *scriptReader) AppendHistory(s string) { r.history = append(r.history, s) }
func (r *scriptReader) Close() error           { return nil }

// TestMetaReader runs meta-commands in a session: only at the main
// prompt, recorded in the history, and ,quit ends the session.
func TestMetaReader(t *testing.T) {
	var out, errOut bytes.Buffer
	le := &lineEnd{w: &out}
	in := metaInterp(t, le, &errOut, false)
	sr := &scriptReader{lines: []string{
		"(define x 5)",
		",expand (when x (display x))",
		"(display `(a", // an entry in progress: the next line is Scheme
		",x))",
		"(display 1)",
		",time 'fast",
		",quit",
		"(display \"not reached\")",
	}}
	s := &session{in: in, stdout: le, stderr: &errOut, file: "<repl>", interactive: true, out: le}
	s.lr = &metaReader{lineReader: sr, s: s}
	if code := s.run(); code != 0 {
		t.Errorf("exit status %d", code)
	}
	got := regexp.MustCompile(`;; .*\n`).ReplaceAllString(out.String(), ";; TIME\n")
	want := "(when x (display x))\n(a 5)\n1\n;; TIME\nfast\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	if errOut.Len() > 0 {
		t.Errorf("stderr: %s", errOut.String())
	}
	wantHistory := []string{"(define x 5)", ",expand (when x (display x))", "(display `(a ,x))", "(display 1)", ",time 'fast", ",quit"}
	if diff := cmp.Diff(wantHistory, sr.history); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
}
