package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// writeFile writes a test program into dir and returns its path.
func writeFile(t *testing.T, dir, name, src string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string { return writeFile(t, dir, name, src) }
	ok := write("ok.scm", "(display \"hello\")\n(newline)\n")
	bad := write("bad.scm", "(display \"before\")\n(newline)\n(define (f x)\n  (car x))\n(f 42)\n(display \"after\")\n")
	syntax := write("syntax.scm", "(display 1)\n(display (+ 1 2)))\n")
	exit3 := write("exit3.scm", "(display \"partial line\")\n(exit 3)\n(display \"not reached\")\n")
	exitTrue := write("exitt.scm", "(display \"x\")\n(exit #t)\n")
	exitFalse := write("exitf.scm", "(exit #f)\n")
	emergency := write("emergency.scm", "(display \"out\")\n(dynamic-wind (lambda () #f) (lambda () (emergency-exit 4)) (lambda () (display \"unwound\")))\n")
	unwind := write("unwind.scm", "(dynamic-wind (lambda () #f) (lambda () (exit 5)) (lambda () (display \"unwound\")))\n")
	cmdline := write("cmdline.scm", "(write (command-line))\n")
	big := write("big.scm", "(let loop ((i 0)) (when (< i 100000) (write i) (newline) (loop (+ i 1))))\n(car '())\n")

	// What big.scm prints before failing.
	var bigOut strings.Builder
	for i := range 100000 {
		bigOut.WriteString(strconv.Itoa(i))
		bigOut.WriteString("\n")
	}

	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string
		stderr string // exact, unless contains is set
		// contains lists substrings stderr must have, in order.
		contains []string
		// combined runs with stdout and stderr on one writer and checks
		// that it starts with stdout (the backtrace follows).
		combined bool
		// env is set for the run.
		env map[string]string
	}{
		{name: "-e prints the last value", args: []string{"-e", "(define x 20) (+ x 1) (* x 2)"}, stdout: "40\n"},
		{name: "-e writes strings", args: []string{"-e", `(string-append "a" "b")`}, stdout: "\"ab\"\n"},
		{name: "-e unspecified prints nothing", args: []string{"-e", `(display "hi")`}, stdout: "hi"},
		{name: "-e error", args: []string{"-e", "(display 1) (car 2)"}, code: 1, stdout: "1",
			contains: []string{"-e:1:13: car: expected pair, got 2"}},
		{name: "-e exit", args: []string{"-e", "(exit 9)"}, code: 9},
		{name: "file ok", args: []string{ok}, stdout: "hello\n"},
		{name: "file error has position and backtrace", args: []string{bad}, code: 1, stdout: "before\n",
			contains: []string{bad + ":4:3: car: expected pair, got 42\n", "backtrace", bad + ":4:3"}},
		{name: "file syntax error", args: []string{syntax}, code: 1, stdout: "13",
			contains: []string{syntax + ":2:18: unexpected ')'"}},
		{name: "output flushed before the error", args: []string{bad}, code: 1, combined: true,
			stdout: "before\n" + bad + ":4:3: car: expected pair, got 42\n"},
		{name: "large output flushed before the error", args: []string{big}, code: 1, combined: true,
			stdout: bigOut.String() + big + ":2:1: car: expected pair, got ()\n"},
		{name: "exit n", args: []string{exit3}, code: 3, stdout: "partial line"},
		{name: "-timeout must be a sane number", args: []string{"-timeout", "-1", ok}, code: 2,
			stderr: "contigo: -timeout: expected a number of seconds between 0 and 1e9, got -1\n"},
		{name: "-allow-read needs -sandbox", args: []string{"-allow-read", dir, ok}, code: 2,
			stderr: "contigo: -allow-read needs -sandbox\n"},
		{name: "-sandbox runs a harmless program", args: []string{"-sandbox", "-timeout", "60", ok}, stdout: "hello\n"},
		{name: "--trace-sched prints scheduler events",
			args: []string{"--trace-sched", "-e", "(define ch (make-chan)) (go (send ch 1)) (recv ch)"},
			// A long time slice: with the default 1 ms a loaded machine can
			// preempt the main goroutine before its recv, and then 2 blocks
			// on its send instead.
			env:    map[string]string{"CONTIGO_TIME_SLICE": "10000000"},
			stdout: "1\n", contains: []string{"sched: spawn 2 by 1", "sched: block 1 chan receive", "sched: exit 2"}},
		{name: "exit #t", args: []string{exitTrue}, code: 0, stdout: "x"},
		{name: "exit #f", args: []string{exitFalse}, code: 1},
		{name: "exit runs dynamic-wind after thunks", args: []string{unwind}, code: 5, stdout: "unwound"},
		{name: "emergency-exit flushes, skips after thunks", args: []string{emergency}, code: 4, stdout: "out"},
		{name: "missing file", args: []string{filepath.Join(dir, "nope.scm")}, code: 1,
			contains: []string{"nope.scm"}},
		{name: "command-line", args: []string{cmdline, "a", "-b", "c d"}, stdout: `("` + cmdline + `" "a" "-b" "c d")`},
		{name: "flags before the file", args: []string{"--max-depth", "100000", cmdline, "x"}, stdout: `("` + cmdline + `" "x")`},
		{name: "--version", args: []string{"--version"}, stdout: "contigo " + version + "\n"},
		{name: "unknown flag", args: []string{"--frobnicate"}, code: 2,
			contains: []string{"flag provided but not defined: -frobnicate", "usage: contigo"}},
		{name: "stdin - runs a program", args: []string{"-"}, stdin: "(define (sq x) (* x x))\n(display (sq 5))\n(newline)\n'not-printed\n", stdout: "25\n"},
		{name: "stdin - multi-line forms", args: []string{"-"}, stdin: "(display\n  (+ 1\n     2))\n(display \"a\") (display \"b\")", stdout: "3ab"},
		{name: "stdin - error stops with position", args: []string{"-"}, stdin: "(display 1)\n\n(car\n 5)\n(display 2)\n", code: 1, stdout: "1",
			contains: []string{"<stdin>:3:1: car: expected pair, got 5"}},
		{name: "stdin - incomplete at the end", args: []string{"-"}, stdin: "(display 1)\n(display (+ 1\n", code: 1, stdout: "1",
			contains: []string{"<stdin>:2:10: unterminated list"}},
		{name: "stdin - exit", args: []string{"-"}, stdin: "(display 1)\n(exit 6)\n(display 2)\n", code: 6, stdout: "1"},
		{name: "stdin - empty", args: []string{"-"}, stdin: ""},
		{name: "stdin - command-line", args: []string{"-", "a"}, stdin: "(write (command-line))", stdout: `("-" "a")`},
		{name: "stdin - meta-command is unquote", args: []string{"-"}, stdin: ",load\n", code: 1,
			contains: []string{"<stdin>:1:1: unbound variable: unquote"}},

		// Standard input that is not a terminal, with no FILE: a REPL
		// without prompts, as Guile's and Racket's.
		{name: "pipe prints each value", stdin: "(define (sq x) (* x x))\n(sq 5)\n'sym \"s\"\n(values 1 2)\n(if #f #f)\n",
			stdout: "25\nsym\n\"s\"\n1\n2\n"},
		{name: "pipe unspecified inside data", stdin: "(list (if #f #f) 1)\n", stdout: "(#<unspecified> 1)\n"},
		{name: "pipe meta-commands", stdin: ",help\n", contains: nil,
			stdout: metaHelpText()},
		{name: "pipe goes on after an error, status 1", stdin: "(car 1)\n(+ 1 2)\n", code: 1, stdout: "3\n",
			contains: []string{"<stdin>:1:1: car: expected pair, got 1", "backtrace"}},
		{name: "pipe stray paren runs the form first", stdin: "(define (sq x) (* x x))\n(sq 5))\n(sq 6)\n", code: 1,
			stdout: "25\n36\n", stderr: "<stdin>:2:7: unexpected ')'\n"},
		{name: "pipe program output then value on a fresh line", stdin: "(begin (display \"hi\") 5)\n", stdout: "hi\n5\n"},
		{name: "pipe exit", stdin: "1\n(exit 6)\n2\n", code: 6, stdout: "1\n"},
		{name: "pipe empty", stdin: ""},
		{name: "pipe command-line", stdin: "(command-line)", stdout: `("contigo")` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			var stdout, stderr bytes.Buffer
			errw := &stderr
			if tt.combined {
				errw = &stdout
			}
			code := run(tt.args, strings.NewReader(tt.stdin), &stdout, errw)
			if code != tt.code {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			got := stdout.String()
			if tt.combined {
				if !strings.HasPrefix(got, tt.stdout) {
					n := min(len(got), len(tt.stdout))
					t.Errorf("output (-want +got):\n%s", cmp.Diff(tt.stdout, got[:n]))
				}
				return
			}
			if diff := cmp.Diff(tt.stdout, got); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if tt.contains == nil {
				if diff := cmp.Diff(tt.stderr, stderr.String()); diff != "" {
					t.Errorf("stderr (-want +got):\n%s", diff)
				}
				return
			}
			rest := stderr.String()
			for _, want := range tt.contains {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Errorf("stderr = %q, want it to contain %q (in order)", stderr.String(), want)
					break
				}
				rest = rest[i+len(want):]
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, arg := range []string{"--help", "-help"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{arg}, strings.NewReader(""), &stdout, &stderr); code != 0 {
			t.Errorf("%s: exit code %d", arg, code)
		}
		for _, want := range []string{"usage: contigo", "-e EXPR", "-version", "-sandbox", "-allow-read DIR", "-timeout SECONDS",
			"exit status:", "2    deadlock", "124  --timeout", "129, 130, 143"} {
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("%s: stdout = %q, want it to contain %q", arg, stdout.String(), want)
			}
		}
		if diff := cmp.Diff("", stderr.String()); diff != "" {
			t.Errorf("%s: stderr (-want +got):\n%s", arg, diff)
		}
	}
}

// TestStdinSharedWithProgram checks that a program read from stdin can
// read the lines that follow it: the session and the interpreter's input
// port share one buffer.
func TestStdinSharedWithProgram(t *testing.T) {
	stdin := "(define name (read-line))\nAlice\n(define n (read-line))\n42\n" +
		"(display (list name n))\n(newline)\n(car 0)\n"
	var stdout, stderr bytes.Buffer
	code := run([]string{"-"}, strings.NewReader(stdin), &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	if diff := cmp.Diff("(Alice 42)\n", stdout.String()); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	// The error position counts the lines the program read.
	if want := "<stdin>:7:1: car"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr = %q, want it to contain %q", stderr.String(), want)
	}
}

// metaHelpText is what ,help prints.
func metaHelpText() string {
	var b bytes.Buffer
	metaHelp(&metaCtx{out: &b}, "")
	return b.String()
}

// TestPipeSharedWithProgram checks that in the prompt-less REPL too a
// program can read the lines that follow it.
func TestPipeSharedWithProgram(t *testing.T) {
	stdin := "(define name (read-line))\nAlice\nname\n(car 0)\n"
	var stdout, stderr bytes.Buffer
	if code := run(nil, strings.NewReader(stdin), &stdout, &stderr); code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	if diff := cmp.Diff("\"Alice\"\n", stdout.String()); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	if want := "<stdin>:4:1: car"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr = %q, want it to contain %q", stderr.String(), want)
	}
}
