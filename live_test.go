package main

// This file tests the live REPL (live.go): goroutines run while the
// prompt waits, what they print is held until the line is entered, a
// spinning goroutine never keeps the prompt from coming back, and exit
// from a goroutine ends the session.

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"contigo/prelude"
)

// slowReader is a lineReader that returns each line after a delay, as a
// user typing would, and records what was printed when each prompt was
// shown.
type slowReader struct {
	lines []string
	delay time.Duration
}

func (r *slowReader) Prompt(string) (string, error) {
	time.Sleep(r.delay)
	if len(r.lines) == 0 {
		return "", io.EOF
	}
	l := r.lines[0]
	r.lines = r.lines[1:]
	return l, nil
}
func (r *slowReader) AppendHistory(string) {}
func (r *slowReader) Close() error         { return nil }

// liveSession runs lines through a live interactive session, each line
// entered delay after its prompt, and returns what it printed and the
// exit status.
func liveSession(t *testing.T, delay time.Duration, lines ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	le := &lineEnd{w: &out}
	held := &hold{}
	in := newTestInterp(t, held.writer(le), held.writer(&errb))
	if err := prelude.Interactive(in); err != nil {
		t.Fatal(err)
	}
	lr := &liveReader{lineReader: &slowReader{lines: lines, delay: delay}, in: in, hold: held, stderr: &errb}
	s := &session{in: in, lr: lr, stdout: le, stderr: &errb, file: "<repl>", interactive: true, out: le}
	code = s.run()
	return out.String(), errb.String(), code
}

func TestLiveREPL(t *testing.T) {
	t.Run("a ticker started at the prompt ticks while the user types", func(t *testing.T) {
		out, errs, _ := liveSession(t, 150*time.Millisecond,
			"(define ticks 0)",
			"(define tk (make-ticker 10))",
			"(define g (go (let loop () (recv (ticker-chan tk)) (set! ticks (+ ticks 1)) (loop))))",
			"(> ticks 5)")
		if !strings.HasSuffix(out, "#t\n") || errs != "" {
			t.Errorf("stdout %q, stderr %q; want the ticks counted while the prompt waited", out, errs)
		}
	})
	t.Run("what goroutines print at the prompt comes before the next result", func(t *testing.T) {
		out, errs, _ := liveSession(t, 100*time.Millisecond,
			`(go (sleep 20) (display "tick from a goroutine") (newline))`,
			"'next")
		want := "#<goroutine 2 state: runnable>\ntick from a goroutine\nnext\n"
		if diff := cmp.Diff(want, out); diff != "" || errs != "" {
			t.Errorf("stdout (-want +got):\n%s\nstderr %q", diff, errs)
		}
	})
	t.Run("a spinning goroutine never keeps the prompt from coming back", func(t *testing.T) {
		start := time.Now()
		out, errs, _ := liveSession(t, 20*time.Millisecond,
			"(define spins 0)",
			"(define g (go (let loop () (set! spins (+ spins 1)) (loop))))",
			"(> spins 0)",
			"'still-here")
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("the session took %v", took)
		}
		if !strings.HasSuffix(out, "#t\nstill-here\n") || errs != "" {
			t.Errorf("stdout %q, stderr %q", out, errs)
		}
	})
	t.Run("exit in a goroutine while the prompt waits ends the session", func(t *testing.T) {
		_, _, code := liveSession(t, 200*time.Millisecond,
			"(go (sleep 10) (exit 3))",
			"'not-evaluated")
		if code != 3 {
			t.Errorf("exit status %d, want 3", code)
		}
	})
	t.Run("a goroutine's error at the prompt is reported; the session goes on", func(t *testing.T) {
		out, errs, _ := liveSession(t, 100*time.Millisecond,
			"(define (f x) (car x))",
			"(define g (go (sleep 10) (f 5)))",
			"'after")
		if out != "after\n" || !strings.Contains(errs, "car: expected pair, got 5\nin goroutine 2\n") {
			t.Errorf("stdout %q, stderr %q", out, errs)
		}
	})
}
