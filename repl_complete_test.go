package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLookupMeta(t *testing.T) {
	tests := []struct {
		word, want, err string
	}{
		{word: "help", want: "help"},
		{word: "q", want: "quit"}, // an alias beats the prefix of ,quit
		{word: "exp", want: "expand"},
		{word: "g", want: "goroutines"},
		{word: "unt", want: "untrace"},
		{word: "tr", want: "trace"},
		{word: "t", err: "ambiguous command ,t: it could be ,time ,trace"},
		{word: "frob", err: "unknown command ,frob (,help lists the commands)"},
	}
	for _, tt := range tests {
		cmd, err := lookupMeta(tt.word)
		got, gotErr := "", ""
		if cmd != nil {
			got = cmd.name
		}
		if err != nil {
			gotErr = err.Error()
		}
		if got != tt.want || gotErr != tt.err {
			t.Errorf("lookupMeta(%q) = %q, %q; want %q, %q", tt.word, got, gotErr, tt.want, tt.err)
		}
	}
}

func TestCompleteMeta(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"fib.scm", "fact.scm", "lib/x.scm", ".hidden.scm"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	tests := []struct {
		line       string
		pos        int
		head, tail string
		want       []string
	}{
		{line: ",tr", pos: 3, want: []string{",trace "}},
		{line: ",t", pos: 2, want: []string{",time ", ",trace "}},
		{line: "  ,l", pos: 4, head: "  ", want: []string{",load "}},
		{line: ",load f", pos: 7, head: ",load ", want: []string{"fact.scm", "fib.scm"}},
		{line: ",lo fi", pos: 6, head: ",lo ", want: []string{"fib.scm"}},
		{line: ",load ", pos: 6, head: ",load ", want: []string{"fact.scm", "fib.scm", "lib/"}},
		{line: ",load .h", pos: 8, head: ",load ", want: []string{".hidden.scm"}},
		{line: ",load lib/", pos: 10, head: ",load ", want: []string{"lib/x.scm"}},
		{line: `,load "fa`, pos: 9, head: ",load ", want: []string{`"fact.scm`}},
		{line: ",load nope/x", pos: 12, head: ",load ", want: nil},
	}
	for _, tt := range tests {
		head, got, tail := completeWord(nil, tt.line, tt.pos)
		if diff := cmp.Diff(tt.want, got); diff != "" || head != tt.head || tail != tt.tail {
			t.Errorf("completeWord(%q, %d): head %q tail %q, completions (-want +got):\n%s", tt.line, tt.pos, head, tail, diff)
		}
	}
	// After another command, and for Scheme's unquote, names complete
	// as usual (from the interpreter).
	if _, _, _, ok := completeMeta(",(car", 5); ok {
		t.Errorf("completeMeta took unquote for a meta-command")
	}
	if _, _, _, ok := completeMeta(",trace fi", 9); ok {
		t.Errorf("completeMeta completed a file name after ,trace")
	}
}
