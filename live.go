package main

// This file makes the REPL live: while the prompt waits for the user's
// line, the goroutines keep running (timers fire, tickers tick), as
// Racket's threads do.
//
// The line editor reads in a Go goroutine of its own; meanwhile the
// session's goroutine runs the Scheme goroutines in short turns
// (prelude.Settle with a time budget), and sleeps until the
// next timer or the line, whichever comes first. Only one Go goroutine
// ever runs the interpreter: the editor's tab completion, which looks up
// names, takes interpLock as the turns do.
//
// What the goroutines print to the terminal while a line is edited
// appears above it at once: the line editor (internal/lineedit) clears
// the line, prints, and draws the prompt and the half-typed line again
// below. Output to a file or pipe, and all output when there is no line
// editor (tests), is held, in order, and written when the line is
// entered, before it is evaluated.

import (
	"errors"
	"io"
	"sync"
	"time"

	"contigo/eval"
	"contigo/internal/lineedit"
	"contigo/prelude"
)

// interpLock serialises the interpreter between the session and the line
// editor's completion callback.
var interpLock sync.Mutex

// turnBudget is how long the goroutines run in one turn while the prompt
// waits (and after each evaluation): short enough that a spinning
// goroutine never keeps the prompt or the line from coming back.
const turnBudget = 20 * time.Millisecond

// settleBudget is how long the goroutines run after an evaluation before
// the prompt comes back, at most.
const settleBudget = 200 * time.Millisecond

// settleFor runs the goroutines for at most budget (see prelude.Settle).
func settleFor(in *eval.Interp, budget time.Duration) error {
	interpLock.Lock()
	defer interpLock.Unlock()
	_, err := prelude.Settle(in, budget)
	return err
}

// hold keeps what is written through its writers while it is holding,
// and writes it out, in the order it came, on release. With a screen
// (the line editor), output to the terminal is not held but printed
// above the line being edited.
type hold struct {
	mu      sync.Mutex
	holding bool
	chunks  []heldChunk
	screen  *lineedit.Editor // nil: no line editor
}

type heldChunk struct {
	w io.Writer
	b []byte
}

// writer returns a writer to w that holds its output while h holds.
func (h *hold) writer(w io.Writer) io.Writer {
	tty := w
	if l, ok := w.(*lineEnd); ok {
		tty = l.w
	}
	return &heldWriter{h: h, w: w, tty: isCharDevice(tty)}
}

func (h *hold) start() {
	h.mu.Lock()
	h.holding = true
	if h.screen != nil {
		// The session has ended any unfinished line of output before
		// prompting.
		h.screen.AtLineStart()
	}
	h.mu.Unlock()
}

// release stops holding and writes out what was held.
func (h *hold) release() {
	h.mu.Lock()
	chunks := h.chunks
	h.chunks, h.holding = nil, false
	h.mu.Unlock()
	for _, c := range chunks {
		c.w.Write(c.b)
	}
}

type heldWriter struct {
	h   *hold
	w   io.Writer
	tty bool // w writes to a terminal
}

func (hw *heldWriter) Write(p []byte) (int, error) {
	h := hw.h
	h.mu.Lock()
	if h.holding {
		if h.screen != nil && hw.tty {
			// Under h.mu, so that what two writers print keeps its
			// order.
			h.screen.Print(p)
		} else {
			h.chunks = append(h.chunks, heldChunk{hw.w, append([]byte(nil), p...)})
		}
		h.mu.Unlock()
		return len(p), nil
	}
	h.mu.Unlock()
	return hw.w.Write(p)
}

// liveReader is a lineReader whose Prompt lets the goroutines run while
// it waits for the line.
type liveReader struct {
	lineReader
	in     *eval.Interp
	hold   *hold // nil: output is not held
	stderr io.Writer
}

type promptResult struct {
	line string
	err  error
}

// errExit is what Prompt returns when a goroutine called exit while the
// prompt waited; the session ends with its code.
type errExit struct{ code int }

func (e *errExit) Error() string { return "exit" }

func (l *liveReader) Prompt(prompt string) (string, error) {
	if l.hold != nil {
		l.hold.start()
		defer l.hold.release()
	}
	res := make(chan promptResult, 1)
	go func() {
		line, err := l.lineReader.Prompt(prompt)
		res <- promptResult{line, err}
	}()
	for {
		wait, err := l.turn()
		if err != nil {
			// A goroutine called exit: the prompt is abandoned (the
			// process is about to end).
			return "", err
		}
		var timer *time.Timer
		var due <-chan time.Time
		if wait >= 0 {
			timer = time.NewTimer(wait)
			due = timer.C
		}
		select {
		case r := <-res:
			if timer != nil {
				timer.Stop()
			}
			return r.line, r.err
		case <-due:
		}
	}
}

// turn runs the goroutines for one turn and returns how long until they
// have work again (negative: not before the user enters something).
func (l *liveReader) turn() (time.Duration, error) {
	interpLock.Lock()
	defer interpLock.Unlock()
	wait, err := prelude.Settle(l.in, turnBudget)
	l.in.Flush()
	if err != nil {
		var exit *eval.ExitError
		if errors.As(err, &exit) {
			return 0, &errExit{exit.Code}
		}
		// An error of the REPL's own goroutine cannot happen here
		// (it only waits); report anything else and go on.
		reportError(l.in, err, l.stderr)
		prelude.RecoverMain(l.in)
		return 0, nil
	}
	return wait, nil
}
