//go:build linux

package main

// This file drives the real contigo REPL through a pseudo-terminal, as a
// user at a terminal would: goroutines run while the line editor waits,
// their output appears above the line being edited, which survives it,
// a spinning goroutine does not keep the prompt away, and Ctrl-C stops
// the foreground evaluation only.

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// output returns everything the terminal showed so far.
func (p *ptySession) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// waitFor waits until the whole output matches re.
func (p *ptySession) waitFor(re *regexp.Regexp, what string) string {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if out := p.output(); re.MatchString(out) {
			return out
		}
		time.Sleep(10 * time.Millisecond)
	}
	p.t.Fatalf("waiting for %s (%s); the terminal shows:\n%q", what, re, p.output())
	return ""
}

// promptAtEnd matches output that ends with the main prompt, coloured
// or not.
var promptAtEnd = regexp.MustCompile(`contigo> (\x1b\[0m)?$`)

// enter types line and Return, and waits for the next prompt (after a
// line break: the editor may draw the prompt again as it edits the
// line).
func (p *ptySession) enter(line string) string {
	p.t.Helper()
	before := len(p.output())
	p.send(line + "\r")
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		out := p.output()
		if len(out) > before && promptAtEnd.MatchString(out) && strings.Contains(out[before:], "\n") {
			return out[before:]
		}
		time.Sleep(10 * time.Millisecond)
	}
	p.t.Fatalf("no prompt after %q; the terminal shows:\n%q", line, p.output())
	return ""
}

func TestPTYLiveREPL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and drives the binary")
	}
	term := startPTY(t) // repl_pty_test.go
	term.waitFor(promptAtEnd, "the first prompt")

	// A ticker started at the prompt keeps ticking while nothing is
	// typed.
	term.enter("(define ticks 0)")
	term.enter("(define tk (make-ticker 10))")
	term.enter("(define g (go (let loop () (recv (ticker-chan tk)) (set! ticks (+ ticks 1)) (loop))))")
	time.Sleep(300 * time.Millisecond)
	if out := term.enter("(> ticks 10)"); !strings.Contains(out, "#t") {
		t.Errorf("the ticker did not tick while the prompt waited: %q", out)
	}
	term.enter("(ticker-stop! tk)")

	// Output printed while a line is half typed appears above it at
	// once; the line is drawn again below, and finishing it works.
	term.enter(`(go (sleep 300) (display "from-the-goroutine") (newline))`)
	term.send("(list 'half")
	term.waitFor(regexp.MustCompile(`\(list 'half[^\n]*from-the-goroutine\r*\n(.|\n)*contigo> (\x1b\[0m)?\(list 'half$`),
		"the goroutine's output after the half-typed line, then the prompt and the line drawn again below it")
	if out := term.enter(" 'typed)"); !strings.Contains(out, "(half typed)") {
		t.Errorf("after Return: %q; want the completed line's value", out)
	}
	// Output without a line break stays on its own row, above the
	// prompt, and the next output continues it there (the cursor goes
	// up a row and right to its end).
	term.enter(`(go (sleep 200) (display "part-one") (sleep 200) (display " part-two") (newline))`)
	term.send("'pending")
	term.waitFor(regexp.MustCompile(`part-one\r*\n(.|\n)*contigo> (\x1b\[0m)?'pending$`), "the unfinished line above the prompt")
	term.waitFor(regexp.MustCompile(`part-one\r*\n(.|\n)*\x1b\[1A\r\x1b\[8C part-two\r*\n(.|\n)*contigo> (\x1b\[0m)?'pending$`), "the line continued above the prompt")
	if out := term.enter(""); !strings.Contains(out, "pending") {
		t.Errorf("after Return: %q", out)
	}

	// A spinning goroutine does not keep the prompt away.
	term.enter("(define spinner (go (let loop () (loop))))")
	if out := term.enter("'still-here"); !strings.Contains(out, "still-here") {
		t.Errorf("%q", out)
	}

	// Ctrl-C stops the evaluation in the foreground, not the goroutines.
	// Ctrl-C is sent once the evaluation has printed, that is, once the
	// terminal is back in its own mode, where Ctrl-C is a signal: typed
	// while the editor still holds the line, it is a key (on a loaded
	// machine the editor may hold it for longer than any fixed sleep).
	term.send("(begin (display \"looping\") (newline) (let loop () (loop)))\r")
	term.waitFor(regexp.MustCompile(`looping\r?\n`), "the evaluation's start")
	term.send("\x03")
	term.waitFor(regexp.MustCompile(`interrupted\r?\n(.|\n)*contigo> (\x1b\[0m)?$`), "the interrupted evaluation")
	if out := term.enter("(list (goroutine-dead? spinner) (goroutine-dead? g))"); !strings.Contains(out, "(#f #f)") {
		t.Errorf("Ctrl-C stopped a goroutine: %q", out)
	}
	term.send("\x04") // Ctrl-D
	if status := term.wait(); status != 0 {
		t.Errorf("exit status %d after Ctrl-D", status)
	}
}
