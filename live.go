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
// liner cannot print above the line being edited and redraw it (it has
// no such API, and it owns the terminal in raw mode during Prompt), so
// what the goroutines print while the prompt waits is held, in order,
// and printed as soon as the line is entered, before it is evaluated.

import (
	"errors"
	"io"
	"sync"
	"time"

	"contigo/eval"
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
// and writes it out, in the order it came, on release.
type hold struct {
	mu      sync.Mutex
	holding bool
	chunks  []heldChunk
}

type heldChunk struct {
	w io.Writer
	b []byte
}

// writer returns a writer to w that holds its output while h holds.
func (h *hold) writer(w io.Writer) io.Writer { return &heldWriter{h: h, w: w} }

func (h *hold) start() {
	h.mu.Lock()
	h.holding = true
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
	h *hold
	w io.Writer
}

func (hw *heldWriter) Write(p []byte) (int, error) {
	hw.h.mu.Lock()
	if hw.h.holding {
		hw.h.chunks = append(hw.h.chunks, heldChunk{hw.w, append([]byte(nil), p...)})
		hw.h.mu.Unlock()
		return len(p), nil
	}
	hw.h.mu.Unlock()
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
	res := make(chan promptResult, 1)
	go func() {
		line, err := l.lineReader.Prompt(prompt)
		res <- promptResult{line, err}
	}()
	if l.hold != nil {
		l.hold.start()
		defer l.hold.release()
	}
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
