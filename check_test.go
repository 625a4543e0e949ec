package main

import (
	"bytes"
	"contigo/internal/testbin"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMain lets the test binary stand in for contigo: `contigo check`
// runs answers with os.Executable, which in a test is this binary; run
// as a child with CONTIGO_TEST_RUN_MAIN set, it behaves as contigo.
// Under go test -cover such a child writes its coverage counters into
// $GOCOVERDIR as it exits (Go does that for a test binary that never
// finishes its tests); testbin.CoverDir points $GOCOVERDIR at this test
// binary's own counters, so that the children count with them.
func TestMain(m *testing.M) {
	if os.Getenv("CONTIGO_TEST_RUN_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	flag.Parse()
	testbin.CoverDir()
	os.Exit(m.Run())
}

func TestCheck(t *testing.T) {
	t.Setenv("CONTIGO_TEST_RUN_MAIN", "1")
	dir := t.TempDir()
	right, err := os.ReadFile("docs/course/solutions/01-find-first.scm")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("docs/course/solutions/01-find-first.out")
	if err != nil {
		t.Fatal(err)
	}
	firstLine, _, _ := strings.Cut(string(want), "\n")
	write := func(name, src string) string { return writeFile(t, dir, name, src) }
	good := write("alice.scm", string(right))
	wrong := write("bob.scm", `(display "first even: 6, after 4 leaves")(newline)`)
	crash := write("carol.scm", "(display \""+firstLine+"\")(newline)\n(car 1)\n")
	loops := write("dave.scm", "(let loop () (loop))\n")
	vandal := write("frank.scm", "(display \""+firstLine+"\")(newline)\n(delete-file \"alice.scm\")\n")
	noNewline := write("erin.scm", "(display "+quote(strings.TrimSuffix(string(want), "\n"))+")")
	subs := filepath.Join(dir, "class")
	os.Mkdir(subs, 0o755)
	writeFile(t, subs, "a.scm", string(right))
	writeFile(t, subs, "b.scm", "(display 1)")
	writeFile(t, subs, "notes.txt", "not an answer")
	os.Mkdir(filepath.Join(subs, "zoe"), 0o755)
	writeFile(t, filepath.Join(subs, "zoe"), "answer.scm", string(right))

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // regexp, whole output
		stderr string // regexp, whole output
	}{
		{name: "right answer", args: []string{"01-find-first", good}, stdout: `ok   \Q` + good + `\E\n`},
		{name: "a unique part of the name", args: []string{"find-first", good}, stdout: `ok   \Q` + good + `\E\n`},
		{name: "wrong output", args: []string{"find-first", wrong}, code: 1,
			stdout: `FAIL \Q` + wrong + `\E: output line 1 is "first even: 6, after 4 leaves", a right answer prints "first even: 8, after 4 leaves"\n`},
		{name: "error after right output", args: []string{"find-first", crash}, code: 1,
			stdout: `FAIL \Q` + crash + `\E: exited with status 1; output stops at line 2; a right answer goes on with "first above 8: 9, after 6 leaves"\n` +
				`  its errors:\n    \Q` + crash + `\E:2:1: car: expected pair, got 1\n    backtrace \(innermost first\):\n.*\n`},
		{name: "endless loop is stopped", args: []string{"-timeout", "500ms", "find-first", loops}, code: 1,
			stdout: `FAIL \Q` + loops + `\E: still running after 500ms: stopped \(an endless loop, or a goroutine that never ends\?\); output stops at line 1; .*\n`},
		{name: "answers run in the sandbox", args: []string{"find-first", vandal}, code: 1,
			stdout: `FAIL \Q` + vandal + `\E: exited with status 1; .*\n  its errors:\n    \Q` + vandal + `\E:2:1: sandbox: .*\n(.*\n)*`},
		{name: "missing final newline", args: []string{"find-first", noNewline}, code: 1,
			stdout: `FAIL \Q` + noNewline + `\E: the last line of output lacks its line break \(a newline\)\n`},
		{name: "a folder of submissions", args: []string{"find-first", subs}, code: 1,
			stdout: `ok   \Q` + filepath.Join(subs, "a.scm") + `\E\nFAIL \Q` + filepath.Join(subs, "b.scm") + `\E: .*\n` +
				`ok   \Q` + filepath.Join(subs, "zoe", "answer.scm") + `\E\n01-find-first: 2 of 3 answers right\n`},
		{name: "unknown exercise", args: []string{"frobnicate", good}, code: 2,
			stderr: `contigo check: no exercise "frobnicate"; the exercises are:\n  01-find-first\n(  .*\n)+`},
		{name: "ambiguous exercise", args: []string{"01", good}, code: 2,
			stderr: `contigo check: "01" could be any of: 01-find-first 01-list-generator .*\n`},
		{name: "missing file", args: []string{"find-first", filepath.Join(dir, "nope.scm")}, code: 2,
			stderr: `contigo check: stat .*nope.scm: no such file or directory\n`},
		{name: "usage", args: []string{"find-first"}, code: 2, stderr: `usage: contigo check (.*\n)+`},
		{name: "list", args: []string{"-list"}, stdout: `01-find-first\n(\d\d-[a-z-]+\n)+`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"check"}, tt.args...), strings.NewReader(""), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			for _, o := range []struct{ what, re, got string }{{"stdout", tt.stdout, stdout.String()}, {"stderr", tt.stderr, stderr.String()}} {
				if !regexp.MustCompile(`\A(?:` + o.re + `)\z`).MatchString(o.got) {
					t.Errorf("%s = %q, want it to match %q", o.what, o.got, o.re)
				}
			}
		})
	}
}

// quote writes s as a Scheme string literal.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func TestOutputDiff(t *testing.T) {
	tests := []struct{ want, got, diff string }{
		{"a\nb\n", "a\nb\n", ""},
		{"a\nb\n", "a\nc\n", `output line 2 is "c", a right answer prints "b"`},
		{"a\nb\n", "a\n", `output stops at line 2; a right answer goes on with "b"`},
		{"a\n", "a\nb\n", `output goes on after the last line of a right answer: line 2 is "b"`},
		{"a\n", "a", "the last line of output lacks its line break (a newline)"},
		{"a\n", "", `output stops at line 1; a right answer goes on with "a"`},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.diff, outputDiff(tt.want, tt.got)); diff != "" {
			t.Errorf("outputDiff(%q, %q) (-want +got):\n%s", tt.want, tt.got, diff)
		}
	}
}
