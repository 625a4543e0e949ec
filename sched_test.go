package main

// This file tests how the command runs goroutines (prelude.scm): ending
// with the main program, the deadlock's exit status, and the
// REPL letting them run after each evaluation.

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"contigo/prelude"
	"contigo/value"
)

func TestRunGoroutines(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string { return writeFile(t, dir, name, src) }
	ends := write("ends.scm", "(go (sleep 5) (display \"child\"))\n(display \"main\")\n")
	waits := write("waits.scm", "(nursery (go (sleep 5) (display \"child\")))\n(display \" main\")\n")
	deadlock := write("deadlock.scm", "(display \"before\")\n(define c (make-chan))\n(go (send c 1))\n(recv (make-chan))\n")
	// Blocked by calls in tail position: no frame of the user's code is
	// left, and the report still says where each goroutine waits.
	tailWait := write("tailwait.scm", "(define c (make-chan))\n(go (send c 1))\n(define (waiter) (recv (make-chan)))\n(go (waiter))\n(recv (make-chan))\n")
	childErr := write("child.scm", "(go (car 5))\n(sleep 100)\n(display \"not reached\")\n")
	tests := []struct {
		name       string
		args       []string
		stdin      string
		stdout     string
		stderr     []string // substrings, in order
		wantStatus int
	}{
		{name: "file ends with main, dropping goroutines", args: []string{ends}, stdout: "main"},
		{name: "a nursery waits for its goroutines", args: []string{waits}, stdout: "child main"},
		{name: "deadlock in a file", args: []string{deadlock}, stdout: "before", wantStatus: 2,
			stderr: []string{"all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:", "goroutine 2 [chan send]:"}},
		{name: "deadlock in tail positions", args: []string{tailWait}, wantStatus: 2,
			stderr: []string{"goroutine 1 [chan receive]:\n  <top level> at ", "tailwait.scm:5:1\n",
				"goroutine 2 [chan send]:\n  #<lambda> at ", "tailwait.scm:2:5\n",
				"goroutine 3 [chan receive]:\n  waiter at ", "tailwait.scm:3:18\n"}},
		{name: "goroutine error in a file", args: []string{childErr}, wantStatus: 1,
			stderr: []string{"child.scm:1:5: car: expected pair, got 5\nin goroutine 2\n"}},
		{name: "-e waits and prints the last value", args: []string{"-e", "(define c (make-chan)) (go (send c 42)) (recv c)"}, stdout: "42\n"},
		{name: "-e deadlock", args: []string{"-e", "(recv (make-chan))"}, wantStatus: 2,
			stderr: []string{"all goroutines are asleep - deadlock!"}},
		{name: "stdin program ends with main", args: []string{"-"}, stdin: "(go (sleep 5) (display \"late\"))\n(display \"early\")\n", stdout: "early"},
		{name: "stdin program deadlock", args: []string{"-"}, stdin: "(nursery (go (recv (make-chan))))\n", wantStatus: 2,
			stderr: []string{"all goroutines are asleep - deadlock!\n\ngoroutine 1 [nursery]:\n  nursery opened by <top level> at <stdin>:1:1\n\ngoroutine 2 [chan receive]:\n", "  created at <stdin>:1:10\n"}},
		// The prompt-less REPL (stdin not a terminal) lets goroutines run
		// after each form, as the REPL does, and does not wait at the end.
		{name: "pipe runs goroutines between forms", stdin: "(define c (make-chan))\n(go (display \"child \") (send c 1))\n(recv c)\n",
			stdout: "#<goroutine 2 state: runnable>\nchild \n1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if status != tt.wantStatus {
				t.Errorf("status = %d, want %d (stderr %q)", status, tt.wantStatus, stderr.String())
			}
			if diff := cmp.Diff(tt.stdout, stdout.String()); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			rest := stderr.String()
			for _, s := range tt.stderr {
				i := strings.Index(rest, s)
				if i < 0 {
					t.Errorf("stderr %q does not contain %q (in order)", stderr.String(), s)
					break
				}
				rest = rest[i+len(s):]
			}
			if len(tt.stderr) == 0 && stderr.Len() > 0 {
				t.Errorf("unexpected stderr %q", stderr.String())
			}
		})
	}
}

// replSession runs inputs through an interactive session as the REPL
// does, and returns what it printed.
func replSession(t *testing.T, inputs ...any) (stdout, stderr string) {
	t.Helper()
	return replSessionSlice(t, 0, inputs...)
}

// replSessionSlice is replSession with a time slice (0: the default).
// A long one keeps a loaded machine from preempting the main program
// between a go and the printing of its result, which would show the new
// goroutine blocked instead of runnable.
func replSessionSlice(t *testing.T, slice time.Duration, inputs ...any) (stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	le := &lineEnd{w: &out}
	in := newTestInterp(t, le, &errb)
	in.Define("interrupt-me", &value.Primitive{Name: "interrupt-me", Fn: func([]value.Value) (value.Value, error) {
		in.Interrupt() // as the SIGINT handler does
		return value.Unspecified, nil
	}})
	if err := prelude.Interactive(in); err != nil {
		t.Fatal(err)
	}
	if slice != 0 {
		if err := prelude.SetTimeSlice(in, slice); err != nil {
			t.Fatal(err)
		}
	}
	s := &session{in: in, lr: &fakeReader{inputs: inputs}, stdout: le, stderr: &errb,
		file: "<repl>", interactive: true, out: le}
	if code := s.run(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	return out.String(), errb.String()
}

func TestREPLGoroutines(t *testing.T) {
	t.Run("goroutines run after each evaluation", func(t *testing.T) {
		out, errs := replSessionSlice(t, time.Second,
			"(define c (make-chan))",
			`(go (display "hi") (send c 42))`,
			"(recv c)",
			"(goroutines)")
		if diff := cmp.Diff("#<goroutine 2 state: runnable>\nhi\n42\n((1 running #f))\n", out); diff != "" || errs != "" {
			t.Errorf("stdout (-want +got):\n%s\nstderr %q", diff, errs)
		}
	})
	t.Run("the prompt returns while goroutines sleep or wait", func(t *testing.T) {
		out, errs := replSessionSlice(t, time.Second,
			"(define c (make-chan))",
			"(go (recv c))",
			"(go (sleep 100000))",
			"(map cadr (goroutines))")
		if diff := cmp.Diff("#<goroutine 2 state: runnable>\n#<goroutine 3 state: runnable>\n(running blocked blocked)\n", out); diff != "" || errs != "" {
			t.Errorf("stdout (-want +got):\n%s\nstderr %q", diff, errs)
		}
	})
	t.Run("a deadlock returns to the prompt", func(t *testing.T) {
		out, errs := replSession(t, "(recv (make-chan))", "'after")
		if out != "after\n" || !strings.Contains(errs, "all goroutines are asleep - deadlock!") {
			t.Errorf("stdout %q, stderr %q", out, errs)
		}
	})
	t.Run("a goroutine's error is reported; the session goes on", func(t *testing.T) {
		out, errs := replSession(t, "(define g (go (car 1)))", "'after", "(length (goroutines))")
		if out != "after\n1\n" || !strings.Contains(errs, "car: expected pair, got 1\nin goroutine 2\n") {
			t.Errorf("stdout %q, stderr %q", out, errs)
		}
	})
	t.Run("Ctrl-C in the foreground stops it, not the goroutines", func(t *testing.T) {
		out, errs := replSession(t,
			"(define n 0)",
			"(define g (go (let loop () (set! n (+ n 1)) (sleep 1) (loop))))",
			"(let loop ((i 0)) (if (= i 100000) (interrupt-me)) (loop (+ i 1)))",
			"(define before n)",
			"(sleep 20)",
			"(list (> n before) (goroutine-dead? g))")
		if diff := cmp.Diff("(#t #f)\n", out); diff != "" || !strings.Contains(errs, "interrupted") {
			t.Errorf("stdout (-want +got):\n%s\nstderr %q", diff, errs)
		}
	})
	t.Run("Ctrl-C while goroutine 1 waits, a goroutine running", func(t *testing.T) {
		// The goroutine presses Ctrl-C while goroutine 1 waits in
		// recv: goroutine 1's evaluation stops, the goroutine goes on.
		out, errs := replSession(t,
			"(define c (make-chan))",
			"(define armed #f)",
			"(define g (go (let loop ((fired #f)) (if (and armed (not fired)) (begin (interrupt-me) (loop #t)) (begin (yield) (loop fired))))))",
			"(begin (set! armed #t) (recv c))",
			"(goroutine-dead? g)",
			"(go (send c 'later))",
			"(recv c)")
		if !strings.HasSuffix(out, "#f\n#<goroutine 3 state: runnable>\nlater\n") || !strings.Contains(errs, "interrupted") {
			t.Errorf("stdout %q, stderr %q", out, errs)
		}
	})
	t.Run("Ctrl-C with no evaluation in the foreground is dropped", func(t *testing.T) {
		out, errs := replSession(t,
			"(define n 0)",
			"(define g (go (let loop () (set! n (+ n 1)) (if (= n 1000) (interrupt-me)) (if (< n 3000) (begin (yield) (loop))))))",
			"(list n (goroutine-dead? g))")
		if diff := cmp.Diff("(3000 #t)\n", out); diff != "" || errs != "" {
			t.Errorf("stdout (-want +got):\n%s\nstderr %q", diff, errs)
		}
	})
}

// TestWaitLineAfterPreemption preempts a goroutine at each step in turn
// (slices counted in steps, exact) on its way into a send in tail
// position, where it then blocks for good: the deadlock report says where
// it waits whatever step the preemption struck. The entry into the
// library used to be forgotten by the preemption, and the line with it
// (seen on loaded machines, where a time slice ends anywhere).
func TestWaitLineAfterPreemption(t *testing.T) {
	dir := t.TempDir()
	for slice := 50; slice < 110; slice++ {
		src := "(set! %slice-steps? #t) (set! %slice-spread 0) (set! %time-slice " + strconv.Itoa(slice) + ")\n" +
			"(define c (make-chan))\n(go (send c 1))\n(let loop ((i 0)) (if (< i 20) (loop (+ i 1))))\n(recv (make-chan))\n"
		file := writeFile(t, dir, "preempted.scm", src)
		var stdout, stderr bytes.Buffer
		if status := run([]string{file}, strings.NewReader(""), &stdout, &stderr); status != 2 {
			t.Fatalf("slice %d: status %d, want 2 (stderr %q)", slice, status, stderr.String())
		}
		if !strings.Contains(stderr.String(), "goroutine 2 [chan send]:\n  #<lambda> at ") {
			t.Errorf("slice %d: no wait line for goroutine 2:\n%s", slice, stderr.String())
		}
	}
}

// TestTimeSliceFromEnvironment sets the time slice with CONTIGO_TIME_SLICE
// (microseconds), as the golden tests do, and refuses a value that is not
// a positive number.
func TestTimeSliceFromEnvironment(t *testing.T) {
	for _, tt := range []struct {
		env, stdout, stderr string
		status              int
	}{
		{"20000", "20000\n", "", 0},
		{"0", "", "contigo: CONTIGO_TIME_SLICE: want a positive number of microseconds, got \"0\"\n", exitStartup},
		{"1ms", "", "contigo: CONTIGO_TIME_SLICE: want a positive number of microseconds, got \"1ms\"\n", exitStartup},
	} {
		t.Setenv("CONTIGO_TIME_SLICE", tt.env)
		var stdout, stderr bytes.Buffer
		status := run([]string{"-e", "%time-slice"}, strings.NewReader(""), &stdout, &stderr)
		if status != tt.status || stdout.String() != tt.stdout || stderr.String() != tt.stderr {
			t.Errorf("CONTIGO_TIME_SLICE=%s: status %d, stdout %q, stderr %q; want %d, %q, %q",
				tt.env, status, stdout.String(), stderr.String(), tt.status, tt.stdout, tt.stderr)
		}
	}
}
