package main

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/reader"
)

func TestMetaCont(t *testing.T) {
	tests := []struct {
		name   string
		src    string // evaluated first, as file t.scm
		cmd    string
		stdout string
		stderr string // regexp, "" for none
	}{
		{name: "frames of a captured continuation",
			src: "(define saved #f)\n" +
				"(define (f x)\n" +
				"  (+ 1 (call/cc (lambda (k) (set! saved k) x))))\n" +
				"(define (g) (list 'a (* 2 (f 10)) 'c))\n" +
				"(g)\n",
			cmd: ",cont saved",
			stdout: "When resumed with a value, this continuation will:\n" +
				"  1. use it as argument 2 of the call (+ 1 □), then call\n" +
				"      in f at t.scm:3:8\n" +
				"  2. use it as argument 2 of the call (* 2 □), then call\n" +
				"      in g at t.scm:4:27\n" +
				"  3. use it as argument 2 of the call (list a □ …), then call\n" +
				"      in g at t.scm:4:22\n" +
				"  4. return it as the value of the top-level form\n"},
		{name: "a goroutine's continuation hides the scheduler's frames",
			src: "(define c (make-chan))\n" +
				"(define g (go (display (recv c))))\n" +
				"(yield)\n",
			cmd: ",cont (%goroutine-k g)",
			stdout: "When resumed with a value, this continuation will:\n" +
				"  1. use it as argument 1 of the call (display □), then call\n" +
				"      in #<lambda> at t.scm:2:24\n" +
				"     ... 2 frames of prelude.scm\n"},
		{name: "not a continuation", cmd: ",cont 5", stderr: `show-continuation: expected continuation, got 5`},
		{name: "no argument", cmd: ",cont", stderr: `,cont needs an expression`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf, errOut bytes.Buffer
			out := &lineEnd{w: &buf}
			in := metaInterp(t, out, &errOut, true)
			r := reader.New(tc.src, "t.scm")
			for {
				form, err := r.Read()
				if err != nil {
					break
				}
				if _, err := in.EvalAt(form, r.SourceMap(), r.Pos()); err != nil {
					t.Fatal(err)
				}
			}
			in.Flush()
			buf.Reset()
			if handled, quit := metaCommand(in, tc.cmd, out, &errOut); !handled || quit {
				t.Fatalf("handled %v, quit %v", handled, quit)
			}
			if diff := cmp.Diff(tc.stdout, buf.String()); diff != "" {
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
