package session

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func newSession(t *testing.T) (*Session, *strings.Builder, *strings.Builder) {
	t.Helper()
	var out, errOut strings.Builder
	s, err := New(&out, &errOut)
	if err != nil {
		t.Fatal(err)
	}
	return s, &out, &errOut
}

// TestRunBlock runs blocks in one session, as a chapter's page does.
func TestRunBlock(t *testing.T) {
	s, out, errOut := newSession(t)
	type result struct {
		Status      int
		Out, Err    string
		Lanes, Arms int
	}
	tests := []struct {
		name, src string
		line      int
		trace     bool
		want      result
	}{
		{"definitions carry over", "(define x 41)\n", 10, false, result{}},
		{"output", "(display (+ x 1))\n", 12, false, result{Out: "42"}},
		{"an error points at the Markdown line", "(newline)\n  (car x)\n", 20, false,
			result{Status: 1, Out: "\n", Err: "ch.md:21:3: car: expected pair, got 41\nbacktrace (innermost first):\n  <top level> at ch.md:21:3\n"}},
		// Arms counts hand-off arrows, one at least: a second comes when
		// preemption lets the goroutine block on its send before main
		// receives (main then wakes it, and its end wakes the nursery).
		{"a timeline", "(define c (make-chan))\n(nursery (go (send c 1)) (recv c))\n", 30, true,
			result{Lanes: 2, Arms: 1}},
		{"a deadlock", "(list (recv c))\n", 40, true,
			result{Status: 2, Err: "ch.md:40:7: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n  <top level> at ch.md:40:1\n", Lanes: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out.Reset()
			errOut.Reset()
			res := s.RunBlock(tt.src, "ch.md", tt.line, tt.trace)
			got := result{Status: res.Status, Out: out.String(), Err: errOut.String()}
			if res.Timeline != nil {
				got.Lanes, got.Arms = len(res.Timeline.Lanes), min(len(res.Timeline.Arrows), 1)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestRunProgram ends the program with its main program, as contigo FILE
// does: a goroutine still running then is dropped; a nursery waits.
func TestRunProgram(t *testing.T) {
	s, out, _ := newSession(t)
	res := s.RunProgram("(go (sleep 10) (display \"dropped\"))\n(nursery (go (display \"goroutine\")))\n", "p.scm", false)
	if res.Status != 0 || out.String() != "goroutine" {
		t.Errorf("status %d, output %q", res.Status, out.String())
	}
}

// TestInterrupt stops an endless loop.
func TestInterrupt(t *testing.T) {
	s, _, errOut := newSession(t)
	done := make(chan Result)
	go func() { done <- s.RunBlock("(let loop () (loop))\n", "ch.md", 1, false) }()
	for {
		s.Interrupt()
		select {
		case res := <-done:
			if res.Status != 130 || errOut.String() != "interrupted\n" {
				t.Errorf("status %d, stderr %q", res.Status, errOut.String())
			}
			return
		case <-time.After(time.Millisecond):
		}
	}
}
