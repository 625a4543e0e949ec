package lineedit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestEditingKeys(t *testing.T) {
	tests := []struct {
		name, keys, want string
	}{
		{"typing", "hello\r", "hello"},
		{"LF ends a line too", "hello\n", "hello"},
		{"backspace", "helx\x7flo\r", "hello"},
		{"Ctrl-H", "hellx\bo\r", "hello"},
		{"Ctrl-A inserts at the start", "ello\x01h\r", "hello"},
		{"Ctrl-E", "ello\x01h\x05!\r", "hello!"},
		{"Ctrl-B and Ctrl-F", "hllo\x02\x02\x02e\x06\x06\x06!\r", "hello!"},
		{"arrows", "hllo\x1b[D\x1b[D\x1b[De\x1b[C\x1b[C\x1b[C!\r", "hello!"},
		{"SS3 arrows", "hllo\x1bOD\x1bOD\x1bODe\r", "hello"},
		{"Home and End", "b\x1b[Ha\x1b[Fc\x1b[1~0\x1b[4~9\r", "0abc9"},
		{"Delete", "abc\x01\x1b[3~\r", "bc"},
		{"Ctrl-D deletes under the cursor", "abc\x01\x04\r", "bc"},
		{"Ctrl-K and Ctrl-Y", "hello world\x01\x1bf\x0b\x01\x19\r", " worldhello"},
		{"Ctrl-U", "junk text\x15ok\r", "ok"},
		{"Ctrl-W kills back to a space", "(display (car x))\x17\r", "(display (car "},
		{"Meta-Backspace kills a symbol", "(display (car x))\x1b\x7f\x1b\x7f\r", "(display ("},
		{"Meta-b and Meta-f move over symbols", "(vector-ref v 0)\x1bb\x1bb\x1bbX\x1bf\x1bfY\r", "(Xvector-ref vY 0)"},
		{"Ctrl-Left and Ctrl-Right", "one two three\x1b[1;5D\x1b[1;5D<\x1b[1;5C>\r", "one <two> three"},
		{"Meta-d", "one two three\x01\x1bd\r", " two three"},
		{"Ctrl-T", "abdc\x02\x14\r", "abcd"},
		{"Ctrl-T at the end", "abdc\x14\r", "abcd"},
		{"UTF-8", "λx→y\x02\x02\x7fé\r", "λé→y"},
		{"wide characters", "日本語\x02\x02x\r", "日x本語"},
		{"control characters are ignored, not inserted", "a\x00\x1b[99~b\r", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newFake(40, 5, tt.keys)
			got, err := e.Prompt("> ")
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("keys %q gave %q, want %q", tt.keys, got, tt.want)
			}
		})
	}
}

func TestCtrlCAndCtrlD(t *testing.T) {
	e, term := newFake(40, 5, "half typed\x03", "\x04")
	if _, err := e.Prompt("> "); !errors.Is(err, ErrAborted) {
		t.Errorf("Ctrl-C: %v, want ErrAborted", err)
	}
	if _, err := e.Prompt("> "); err != io.EOF {
		t.Errorf("Ctrl-D on an empty line: %v, want io.EOF", err)
	}
	if term.raw {
		t.Error("the terminal was left in raw mode")
	}
	if _, err := e.Prompt("> "); err != io.EOF {
		t.Errorf("at the end of input: %v, want io.EOF", err)
	}
	if got, want := term.scr.text(), "> half typed^C\n>"; got != want {
		t.Errorf("screen %q, want %q", got, want)
	}
}

// TestRawOnlyWhilePrompting checks that the terminal is raw while Prompt
// reads keys and in its original mode otherwise.
func TestRawOnlyWhilePrompting(t *testing.T) {
	var term *fakeTerm
	rawSeen := false
	e, term := newFake(40, 5)
	e, term = newFake(40, 5, "a", func() { rawSeen = term.raw }, "\r")
	if term.raw {
		t.Fatal("raw before Prompt")
	}
	e.Prompt("> ")
	if !rawSeen || term.raw {
		t.Errorf("raw while prompting: %v; after: %v", rawSeen, term.raw)
	}
}

// TestCRLF checks that CR LF ends one line, not two.
func TestCRLF(t *testing.T) {
	e, _ := newFake(40, 5, "one\r\ntwo\r\n\nthree\r")
	var got []string
	for {
		l, err := e.Prompt("> ")
		if err != nil {
			break
		}
		got = append(got, l)
	}
	if diff := cmp.Diff([]string{"one", "two", "", "three"}, got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

// TestWrap edits a line longer than the screen is wide, with a coloured
// prompt and wide characters, and checks what the screen shows and
// where the cursor is.
func TestWrap(t *testing.T) {
	prompt := "\x1b[1;32mλ> \x1b[0m"
	tests := []struct {
		name, keys, screen string
		row, col           int
	}{
		{"fits", "abc", "λ> abc", 0, 6},
		{"fills the row exactly", "abcdefg", "λ> abcdefg", 1, 0},
		{"wraps", "abcdefghij", "λ> abcdefg\nhij", 1, 3},
		{"cursor moved back over the wrap", "abcdefghij\x02\x02\x02\x02", "λ> abcdefg\nhij", 0, 9},
		{"cursor at the start", "abcdefghijklmnopq\x01", "λ> abcdefg\nhijklmnopq", 0, 3},
		{"insert in the middle", "abcdefghij\x01\x06X", "λ> aXbcdef\nghij", 0, 5},
		{"a wide character that does not fit moves to the next row", "abcdef日本", "λ> abcdef\n日本", 1, 4},
		{"deleting unwraps", "abcdefghij\x7f\x7f\x7f\x7f", "λ> abcdef", 0, 9},
		{"control characters in caret notation", "a\x16", "λ> a", 0, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var term *fakeTerm
			var e *Editor
			e, term = newFake(10, 6, tt.keys, func() {
				if got := term.scr.text(); got != tt.screen {
					t.Errorf("screen:\n%s\nwant:\n%s", got, tt.screen)
				}
				if r, c := term.scr.cursor(); r != tt.row || c != tt.col {
					t.Errorf("cursor at %d,%d, want %d,%d", r, c, tt.row, tt.col)
				}
			}, "\x03")
			e.Prompt(prompt)
		})
	}
}

func TestPromptWidths(t *testing.T) {
	tests := []struct {
		prompt string
		width  int
	}{
		{"contigo> ", 9},
		{"\x1b[1;32mcontigo> \x1b[0m", 9},
		{"\x1b]0;title\x07> ", 2},
		{"\x01\x1b[1m\x02> ", 2},
		{"日本> ", 6},
	}
	for _, tt := range tests {
		n := 0
		for _, w := range promptWidths(tt.prompt) {
			n += w
		}
		if n != tt.width {
			t.Errorf("%q: width %d, want %d", tt.prompt, n, tt.width)
		}
	}
}

func TestHistory(t *testing.T) {
	e, _ := newFake(40, 5,
		"\x1b[A\r",                 // the newest entry
		"\x10\x10\x10\r",           // Ctrl-P three times: the oldest
		"(d\x1b[A\x1b[A\r",         // entries that start with "(d"
		"x\x10\x0e\r",              // no entry starts with x: a beep, and x stays
		"\x10\x10\x0e\r",           // Up, Up, Down
		"(d\x10\x10\x1b[B\x1b[B\r", // Down past the newest gives back what was typed
		"\x12car\r",                // Ctrl-R
		"\x12a\x12\x12\r",          // Ctrl-R again: older matches
		"\x12zzz\x07!\r",           // no match; Ctrl-G gives back the line
		"\x12car\x05!\r",           // another key edits the match
	)
	for _, h := range []string{"(define x 1)", "(car x)", "(define y 2)", "(display y)", "(display y)"} {
		e.AppendHistory(h)
	}
	var got []string
	for {
		l, err := e.Prompt("> ")
		if err != nil {
			break
		}
		got = append(got, l)
	}
	want := []string{"(display y)", "(car x)", "(define y 2)", "x", "(display y)", "(d", "(car x)", "(car x)", "!", "(car x)!"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	// Entries are not added by Prompt (the caller decides), and a
	// repeat of the last entry is dropped.
	if diff := cmp.Diff([]string{"(define x 1)", "(car x)", "(define y 2)", "(display y)"}, e.History()); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
}

func TestHistoryFile(t *testing.T) {
	e, _ := newFake(40, 5)
	n, err := e.ReadHistory(strings.NewReader("one\ntwo\r\ntwo\n\nthree\n"))
	if err != nil || n != 5 {
		t.Fatalf("ReadHistory: %d, %v", n, err)
	}
	var b bytes.Buffer
	if n, err := e.WriteHistory(&b); err != nil || n != 3 {
		t.Fatalf("WriteHistory: %d, %v", n, err)
	}
	if got := b.String(); got != "one\ntwo\nthree\n" {
		t.Errorf("history file %q", got)
	}
	for i := range HistoryLimit + 10 {
		e.AppendHistory(fmt.Sprint(i))
	}
	if h := e.History(); len(h) != HistoryLimit || h[0] != "10" {
		t.Errorf("history of %d entries starting %q, want %d starting \"10\"", len(h), h[0], HistoryLimit)
	}
}

// words completes the word before the cursor from a fixed list.
func words(list ...string) Completer {
	return func(line string, pos int) (string, []string, string) {
		rs := []rune(line)
		start := pos
		for start > 0 && rs[start-1] != ' ' && rs[start-1] != '(' {
			start--
		}
		var out []string
		for _, w := range list {
			if strings.HasPrefix(w, string(rs[start:pos])) {
				out = append(out, w)
			}
		}
		return string(rs[:start]), out, string(rs[pos:])
	}
}

func TestCompletion(t *testing.T) {
	var term *fakeTerm
	var e *Editor
	e, term = newFake(30, 12,
		"(dis\t x)\r",  // one candidate
		"(vec\t\r",     // completed as far as the candidates agree
		"(vector-\t\t", // a second Tab lists them
		func() {
			want := "> (display x)\n> (vector-\n> (vector-\nvector-fill!   vector-ref\nvector-length  vector-set!\n> (vector-"
			if got := term.scr.text(); got != want {
				t.Errorf("after two Tabs the screen shows:\n%s\nwant:\n%s", got, want)
			}
		},
		"r\t x)\r",
		"zz\t\r", // nothing to complete: a beep
	)
	e.SetCompleter(words("display", "vector-ref", "vector-set!", "vector-length", "vector-fill!"))
	var got []string
	for {
		l, err := e.Prompt("> ")
		if err != nil {
			break
		}
		got = append(got, l)
	}
	want := []string{"(display x)", "(vector-", "(vector-ref x)", "zz"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	if !strings.Contains(term.scr.all.String(), "\a") {
		t.Error("no beep")
	}
}

func TestCompletionAsksBeforeListingMany(t *testing.T) {
	var many []string
	for i := range 150 {
		many = append(many, fmt.Sprintf("w%03d", i))
	}
	var term *fakeTerm
	var e *Editor
	e, term = newFake(40, 30, "w\t\tn", func() {
		if got := term.scr.text(); got != "> w\nDisplay all 150 possibilities? (y or n)\n> w" {
			t.Errorf("screen:\n%s", got)
		}
	}, "\x03")
	e.SetCompleter(words(many...))
	e.Prompt("> ")
}

// TestPrintAbove prints from "another goroutine" (a function the fake
// terminal calls between keys) while a line is half typed: the output
// appears above the prompt, the half-typed line survives below it, and
// typing goes on where it was.
func TestPrintAbove(t *testing.T) {
	var e *Editor
	var term *fakeTerm
	check := func(want string, row, col int) func() {
		return func() {
			t.Helper()
			if got := term.scr.text(); got != want {
				t.Errorf("screen:\n%s\nwant:\n%s", got, want)
			}
			if r, c := term.scr.cursor(); r != row || c != col {
				t.Errorf("cursor at %d,%d, want %d,%d", r, c, row, col)
			}
		}
	}
	e, term = newFake(20, 10,
		"(display", "\x02\x02",
		func() { e.Print([]byte("tick 1\n")) },
		check("tick 1\n> (display", 1, 8),
		func() { e.Print([]byte("no newline")) },
		check("tick 1\nno newline\n> (display", 2, 8),
		func() { e.Print([]byte(", continued\nand a line\n")) },
		check("tick 1\nno newline, continue\nd\nand a line\n> (display", 4, 8),
		"\x05 \"long enough to wrap\")",
		func() { e.Print([]byte("tick 2\n")) },
		check("tick 1\nno newline, continue\nd\nand a line\ntick 2\n> (display \"long eno\nugh to wrap\")", 6, 13),
		"\r",
	)
	line, err := e.Prompt("> ")
	if err != nil {
		t.Fatal(err)
	}
	if want := `(display "long enough to wrap")`; line != want {
		t.Errorf("line %q, want %q", line, want)
	}
	// Between prompts, Print writes straight through.
	e.Print([]byte("after\n"))
	if got := term.scr.text(); !strings.HasSuffix(got, "ugh to wrap\")\nafter") {
		t.Errorf("screen:\n%s", got)
	}
}

// TestPrintBeforePrompt: output that ends mid-line before the prompt is
// drawn does not share its row with the prompt.
func TestPrintBeforePrompt(t *testing.T) {
	e, term := newFake(20, 5, "x\r")
	e.Print([]byte("partial"))
	e.Prompt("> ")
	if got, want := term.scr.text(), "partial\n> x"; got != want {
		t.Errorf("screen %q, want %q", got, want)
	}
}

// TestClearScreen: Ctrl-L clears the screen and draws the line at the
// top.
func TestClearScreen(t *testing.T) {
	e, term := newFake(20, 5, "old\r", "ne\x0cw\r")
	e.Prompt("> ")
	e.Prompt("> ")
	if got, want := term.scr.text(), "> new"; got != want {
		t.Errorf("screen %q, want %q", got, want)
	}
}

// TestPrintAboveWrapped prints output whose unfinished line is wider
// than the screen while a wrapped line is edited with the cursor on its
// first row.
func TestPrintAboveWrapped(t *testing.T) {
	var e *Editor
	var term *fakeTerm
	e, term = newFake(10, 10,
		"abcdefghijkl\x01\x06",
		func() { e.Print([]byte("0123456789ABC")) },
		func() { e.Print([]byte("DE\nok\n")) },
		func() {
			want := "0123456789\nABCDE\nok\n> abcdefgh\nijkl"
			if got := term.scr.text(); got != want {
				t.Errorf("screen:\n%s\nwant:\n%s", got, want)
			}
			if r, c := term.scr.cursor(); r != 3 || c != 3 {
				t.Errorf("cursor at %d,%d, want 3,3", r, c)
			}
		},
		"X\r",
	)
	if line, _ := e.Prompt("> "); line != "aXbcdefghijkl" {
		t.Errorf("line %q", line)
	}
}

// TestPrintDuringSearch: output during Ctrl-R keeps the search shown.
func TestPrintDuringSearch(t *testing.T) {
	var e *Editor
	var term *fakeTerm
	e, term = newFake(40, 10,
		"\x12car",
		func() { e.Print([]byte("tick\n")) },
		func() {
			want := "tick\n(reverse-i-search)`car': (car x)"
			if got := term.scr.text(); got != want {
				t.Errorf("screen:\n%s\nwant:\n%s", got, want)
			}
		},
		"\r",
	)
	e.AppendHistory("(car x)")
	e.AppendHistory("(cdr x)")
	if line, _ := e.Prompt("> "); line != "(car x)" {
		t.Errorf("line %q", line)
	}
}

// pendingTerm reports the script's next string as input waiting, as a
// paste is.
type pendingTerm struct {
	*fakeTerm
	suspended int
}

func (p *pendingTerm) Pending() int {
	n := 0
	for _, s := range p.script {
		s, ok := s.(string)
		if !ok {
			break
		}
		n += len(s)
	}
	return n
}

func (p *pendingTerm) Suspend() { p.suspended++ }

// TestPaste types a long line at once: it is drawn when the keys stop
// coming, and the screen ends up right.
func TestPaste(t *testing.T) {
	ft := &fakeTerm{cols: 10, scr: newScreen(10, 10)}
	pt := &pendingTerm{fakeTerm: ft}
	e := New(pt, ft.scr)
	line := `(display "pasted") ; a comment`
	ft.script = []any{line[:20], line[20:] + "\x01\x06(", func() {
		want := "> ((displa\ny \"pasted\"\n) ; a comm\nent"
		if got := ft.scr.text(); got != want {
			t.Errorf("screen:\n%s\nwant:\n%s", got, want)
		}
		if r, c := ft.scr.cursor(); r != 0 || c != 4 {
			t.Errorf("cursor at %d,%d, want 0,4", r, c)
		}
		if n := strings.Count(ft.scr.all.String(), "> "); n != 2 {
			t.Errorf("the prompt was drawn %d times, want twice (at the start and after the paste)", n)
		}
	}, "\r"}
	got, err := e.Prompt("> ")
	if want := "(" + line; err != nil || got != want {
		t.Errorf("line %q, %v; want %q", got, err, want)
	}
}

// TestSuspend: Ctrl-Z suspends the process (if the terminal can), then
// the line is drawn again.
func TestSuspend(t *testing.T) {
	ft := &fakeTerm{cols: 20, scr: newScreen(20, 5)}
	pt := &pendingTerm{fakeTerm: ft}
	e := New(pt, ft.scr)
	ft.script = []any{"abc", "\x1a", func() {
		ft.scr.Write([]byte("\r\n[1]+ Stopped\r\n")) // what a shell shows
	}, "d\r"}
	got, _ := e.Prompt("> ")
	if got != "abcd" || pt.suspended != 1 {
		t.Errorf("line %q, suspended %d times", got, pt.suspended)
	}
}

// pipeTerm is a fake terminal whose keys come through a pipe, typed by
// another goroutine.
type pipeTerm struct {
	*fakeTerm
	r *io.PipeReader
}

func (p *pipeTerm) Read(b []byte) (int, error) { return p.r.Read(b) }

// TestPrintConcurrent prints from one goroutine while another types:
// every line printed shows, in order, above the prompt, and the line
// typed is whole (run it with -race).
func TestPrintConcurrent(t *testing.T) {
	r, w := io.Pipe()
	ft := &fakeTerm{cols: 30, scr: newScreen(30, 200)}
	e := New(&pipeTerm{ft, r}, ft.scr)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 100 {
			e.Print([]byte(fmt.Sprintf("line %d\n", i)))
		}
	}()
	go func() {
		for _, c := range "(list \"typed while printing\")" {
			w.Write([]byte(string(c)))
		}
		<-done
		w.Write([]byte("\r"))
	}()
	line, err := e.Prompt("> ")
	if want := `(list "typed while printing")`; err != nil || line != want {
		t.Fatalf("line %q, %v; want %q", line, err, want)
	}
	var want strings.Builder
	for i := range 100 {
		fmt.Fprintf(&want, "line %d\n", i)
	}
	want.WriteString("> (list \"typed while printing\"\n)")
	if diff := cmp.Diff(want.String(), ft.scr.text()); diff != "" {
		t.Errorf("screen (-want +got):\n%s", diff)
	}
}

// resizeTerm is a fake terminal whose window can change size.
type resizeTerm struct {
	*fakeTerm
	winch chan os.Signal
}

func (r *resizeTerm) Resized() <-chan os.Signal { return r.winch }

// TestResize: when the window narrows, the line is drawn again, wrapped
// at the new width.
func TestResize(t *testing.T) {
	ft := &fakeTerm{cols: 20, scr: newScreen(20, 5)}
	rt := &resizeTerm{ft, make(chan os.Signal, 1)}
	e := New(rt, ft.scr)
	ft.script = []any{"abcdefghij", func() {
		ft.cols = 8
		ft.scr.resize(8)
		rt.winch <- os.Interrupt // any signal will do
		want := "> abcdef\nghij"
		deadline := time.Now().Add(5 * time.Second)
		for ft.scr.text() != want && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if got := ft.scr.text(); got != want {
			t.Errorf("screen:\n%s\nwant:\n%s", got, want)
		}
	}, "\r"}
	if line, _ := e.Prompt("> "); line != "abcdefghij" {
		t.Errorf("line %q", line)
	}
}

// TestPrintLongUnfinishedLine prints a long line of output in pieces
// while a line is edited: it runs on above the prompt, row after row.
func TestPrintLongUnfinishedLine(t *testing.T) {
	var e *Editor
	var term *fakeTerm
	script := []any{"x"}
	for range 60 {
		script = append(script, func() { e.Print([]byte("0123456789")) })
	}
	script = append(script, func() { e.Print([]byte("\x1b[31mend\x1b[0m\n")) }, func() {
		want := strings.Repeat(strings.Repeat("0123456789", 4)+"\n", 15) + "end\n> x"
		if diff := cmp.Diff(want, term.scr.text()); diff != "" {
			t.Errorf("screen (-want +got):\n%s", diff)
		}
	}, "\r")
	e, term = newFake(40, 30, script...)
	if line, _ := e.Prompt("> "); line != "x" {
		t.Errorf("line %q", line)
	}
}
