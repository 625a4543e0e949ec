// Package lineedit is the line editor of contigo's REPL: emacs keys,
// history with prefix search and Ctrl-R, word completion listed as bash
// lists it, UTF-8 and wide characters, and lines longer than the screen.
// It learns from github.com/peterh/liner and linenoise, and adds what
// they lack:
//
//   - Prompts may be coloured: escape sequences in a prompt take no room.
//   - Other goroutines may print while a line is edited (Editor.Print):
//     the output appears above the prompt, and the prompt and the
//     half-typed line are drawn again below it.
//
// The terminal is in raw mode only while Prompt waits for a line, so
// that Ctrl-C while code runs raises SIGINT and a program reading the
// terminal between prompts gets it echoed and line-edited, as the
// go-ethereum console arranges for liner.
package lineedit

import (
	"errors"
	"io"
	"os"
	"sync"
	"unicode/utf8"
)

// ErrAborted is returned by Prompt when the user pressed Ctrl-C.
var ErrAborted = errors.New("prompt aborted")

// ErrNotTerminal is returned by Open when input or output is not a
// terminal whose mode the editor can set.
var ErrNotTerminal = errors.New("not a terminal")

// Terminal is what the editor needs of a terminal. A terminal may also
// have Pending() int, the number of input bytes ready to be read (the
// editor then draws once per burst of keys, not once per key), and
// Suspend(), which stops the process for Ctrl-Z.
type Terminal interface {
	io.Reader // the keys, read one byte at a time
	// Raw puts the terminal into raw mode: no echo, no line editing, no
	// signals from keys; Restore undoes it.
	Raw() error
	Restore() error
	Columns() int
}

// Completer returns the ways to complete line at pos, a rune index: each
// candidate replaces what lies between head and tail.
type Completer func(line string, pos int) (head string, completions []string, tail string)

// HistoryLimit is the number of history entries kept.
const HistoryLimit = 1000

// Supported reports whether the terminal named by $TERM can be driven by
// the editor (liner's list of terminals that cannot).
func Supported() bool {
	if !rawSupported {
		return false
	}
	switch os.Getenv("TERM") {
	case "dumb", "cons25", "emacs":
		return false
	}
	return true
}

// Editor edits lines on a terminal. Prompt is called by one goroutine
// at a time; Print and the history methods may be called by any.
type Editor struct {
	term Terminal
	out  io.Writer

	complete Completer

	// mu guards what follows, and the screen: whoever holds it may
	// write to out.
	mu      sync.Mutex
	active  bool   // Prompt is editing a line
	prompt  string // shown before the line
	pw      []int  // the widths of the prompt's visible characters
	buf     []rune
	pos     int  // cursor, an index into buf
	row     int  // the screen row of the cursor, counted from the prompt's first row
	wrapped bool // the cursor is at the end of a line that fills its last row
	stale   bool // the screen does not show the latest change (more keys were waiting)
	// ocol is the column where the output printed by Print ends: 0 at
	// the start of a line, the screen width when it fills its row.
	ocol    int
	history []string
	closed  bool

	// Used by the Prompt goroutine only.
	kill     []rune // the last killed text, for Ctrl-Y (kept from line to line)
	skipLF   bool   // the last line ended with CR: a LF right after it is part of that line end
	histPos  int    // index into history while browsing it; len(history) when not
	histLine []rune // the line being typed before browsing history
	tabs     int    // consecutive Tab presses
}

// Open returns an editor on the process's terminal: keys are read from
// in, the screen size is that of out, and everything is written to w,
// which must end up on out (w may count or log what passes).
func Open(in, out *os.File, w io.Writer) (*Editor, error) {
	t, err := openTTY(in, out)
	if err != nil {
		return nil, err
	}
	return New(t, w), nil
}

// New returns an editor on t that writes the screen to w.
func New(t Terminal, w io.Writer) *Editor {
	return &Editor{term: t, out: w}
}

// SetCompleter sets the function that Tab calls.
func (e *Editor) SetCompleter(c Completer) { e.complete = c }

// Close gives the terminal back its mode, even while a Prompt waits for
// a key (the process is then about to end).
func (e *Editor) Close() error {
	e.mu.Lock()
	e.closed = true
	e.mu.Unlock()
	return e.term.Restore()
}

// Prompt shows prompt, lets the user edit a line, and returns it. It
// returns io.EOF for Ctrl-D on an empty line and ErrAborted for Ctrl-C.
func (e *Editor) Prompt(prompt string) (string, error) {
	if err := e.term.Raw(); err != nil {
		return "", err
	}
	defer e.term.Restore()

	e.mu.Lock()
	if e.ocol != 0 {
		// Output printed before the prompt ended mid-line.
		io.WriteString(e.out, "\r\n")
	}
	e.ocol = 0
	e.prompt, e.pw = prompt, promptWidths(prompt)
	e.buf, e.pos, e.row = e.buf[:0], 0, 0
	e.active = true
	e.histPos, e.histLine = len(e.history), nil
	e.tabs = 0
	e.refresh()
	e.mu.Unlock()

	if r, ok := e.term.(interface{ Resized() <-chan os.Signal }); ok {
		stop := make(chan struct{})
		defer close(stop)
		go e.redrawOnResize(r.Resized(), stop)
	}
	line, err := e.edit()

	e.mu.Lock()
	e.active = false
	e.ocol = 0
	e.mu.Unlock()
	return line, err
}

// redrawOnResize draws the prompt and the line again each time the
// window changes size, until stop is closed. The cursor is taken to be
// on the row where it was: right for terminals that do not reflow their
// text, and for lines of one row in any terminal.
func (e *Editor) redrawOnResize(resized <-chan os.Signal, stop chan struct{}) {
	for {
		select {
		case <-resized:
			e.mu.Lock()
			if e.active && !e.closed {
				e.refresh()
			}
			e.mu.Unlock()
		case <-stop:
			return
		}
	}
}

// Print writes p to the terminal. While a line is being edited, it
// appears above the prompt, which is drawn again below it with the line
// and the cursor as they were. Output that does not end with a line
// break is continued by the next Print.
func (e *Editor) Print(p []byte) {
	if len(p) == 0 {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	cols := max(e.term.Columns(), 1)
	if !e.active || e.closed {
		e.out.Write(p)
		e.ocol = textEnd(e.ocol, p, cols)
		return
	}
	var b []byte
	b = append(e.toPromptStart(b), "\x1b[J"...)
	if e.ocol > 0 && e.ocol < cols {
		// Continue the unfinished line of output above the prompt.
		b = moveUp(b, 1)
		b = moveRight(append(b, '\r'), e.ocol)
	}
	b = append(b, p...)
	e.ocol = textEnd(min(e.ocol, cols), p, cols)
	if e.ocol != 0 {
		b = append(b, "\r\n"...) // the prompt starts a line
	}
	e.row = 0
	e.out.Write(b)
	e.refresh()
}

// AtLineStart tells the editor that the cursor is at the start of a
// line: output written to the terminal other than through Print has
// ended the line that Print left unfinished.
func (e *Editor) AtLineStart() {
	e.mu.Lock()
	e.ocol = 0
	e.mu.Unlock()
}

// AppendHistory adds item to the history, unless it is empty or repeats
// the last entry.
func (e *Editor) AppendHistory(item string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.appendHistory(item)
}

func (e *Editor) appendHistory(item string) {
	if item == "" || !utf8.ValidString(item) {
		return
	}
	if n := len(e.history); n > 0 && e.history[n-1] == item {
		return
	}
	e.history = append(e.history, item)
	if len(e.history) > HistoryLimit {
		e.history = append(e.history[:0:0], e.history[len(e.history)-HistoryLimit:]...)
	}
}
