package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"contigo/eval"
	"contigo/internal/lineedit"
	"contigo/prelude"
	"contigo/reader"
	"contigo/value"
)

// Prompts of the interactive REPL.
const (
	promptMain = "contigo> "
	promptMore = "...      "
)

// lineReader is where a session gets its input, one line at a time: the
// line editor at a terminal, a bufio.Reader otherwise, a fake in tests.
type lineReader interface {
	// Prompt shows prompt (if the reader shows prompts) and returns the
	// next line without its line terminator. It returns io.EOF at the
	// end of input and lineedit.ErrAborted when the user pressed
	// Ctrl-C at the prompt.
	Prompt(prompt string) (string, error)
	// AppendHistory records a complete entry for recall.
	AppendHistory(item string)
	Close() error
}

// session is a read-eval(-print) loop over the lines of a lineReader.
// Lines are accumulated until the reader can read every datum in them
// (reader.ErrIncomplete means more lines are needed); then the data are
// evaluated in order.
type session struct {
	in             *eval.Interp
	lr             lineReader
	stdout, stderr io.Writer
	file           string // names the input in source positions
	// interactive sessions prompt, print each result in write form and
	// go on after errors. Otherwise the session runs the input as a
	// program: no results, and the first error ends it with status 1.
	interactive bool
	// out, if set, tracks whether the program left its output in the
	// middle of a line, so that the next prompt starts on a fresh line.
	out *lineEnd
	// batch marks an interactive session over input that is not a
	// terminal (repl_pipe.go): no prompts; failed records that an
	// error was reported, for the exit status.
	batch, failed bool

	buf   strings.Builder // the pending entry
	lines []string        // the lines of the pending entry
	// open are offsets into the pending entry where it is known to be
	// inside a list, vector or bytevector, and no string, comment or
	// quote (see mayBeComplete); empty when that is not known.
	open   []int
	lineNo int  // lines consumed before the pending entry
	eof    bool // the input ended
	// lastHistory is the last history item, not to be repeated.
	lastHistory string
}

// run reads and evaluates until the input ends or the program exits, and
// returns the exit status.
func (s *session) run() int {
	for {
		prompt := ""
		if s.interactive && !s.batch {
			prompt = promptMain
			if len(s.lines) > 0 {
				prompt = promptMore
			}
			prompt = paint(s.stdout, colorPrompt, prompt)
			if s.out != nil && s.out.mid {
				io.WriteString(s.out, "\n")
			}
		}
		if lc, ok := s.lr.(interface{ linesConsumed() (int, bool) }); ok && len(s.lines) == 0 {
			if n, ok := lc.linesConsumed(); ok {
				s.lineNo = n
			}
		}
		line, err := s.lr.Prompt(prompt)
		switch {
		case err == nil:
		case errors.As(err, new(*errExit)):
			// A goroutine called exit while the prompt waited (live.go).
			var exit *errExit
			errors.As(err, &exit)
			return exit.code
		case errors.Is(err, lineedit.ErrAborted):
			// Ctrl-C at the prompt abandons the entry.
			s.lineNo += len(s.lines)
			s.reset()
			continue
		case err == io.EOF:
			s.eof = true
			if len(s.lines) == 0 {
				return s.end()
			}
			// The input ended inside a datum: report it (after running,
			// when not interactive, the forms before it).
			code, _ := s.entry(true)
			return code
		default:
			fmt.Fprintf(s.stderr, "contigo: reading input: %v\n", err)
			return 1
		}
		s.lines = append(s.lines, line)
		s.buf.WriteString(line)
		s.buf.WriteByte('\n')
		if !s.mayBeComplete() {
			continue
		}
		if code, stop := s.entry(false); stop {
			return code
		}
	}
}

func (s *session) reset() {
	s.buf.Reset()
	s.lines = s.lines[:0]
	s.open = s.open[:0]
}

// mayBeComplete reports whether the pending entry, to which a line was
// just added, may hold complete data, so that it is worth reading in
// full (entry). The reader decides, as starlark-go's REPL lets its
// parser decide; but reading the whole entry after each line would take
// time quadratic in its length, so the text after the last offset in
// s.open, where the entry is known to be inside a list, is read alone
// first:
//
//   - if it reads as complete data, it leaves the entry inside that
//     list, which stays open: the entry is incomplete, and from now on
//     only the text after it needs reading;
//   - if it ends inside a list of its own, the entry is incomplete too,
//     and inside that list;
//   - otherwise (a closing bracket, an open string or comment, an error)
//     the text is read again from the offset before, and so on out to
//     the whole entry.
//
// So each line is read about once while a long form is typed or pasted.
func (s *session) mayBeComplete() bool {
	text := s.buf.String()
	for len(s.open) > 0 {
		top := len(s.open) - 1
		switch complete, err := readsComplete(text[s.open[top]:]); {
		case complete:
			s.open[top] = len(text)
			return false
		case insideList(err):
			s.open = append(s.open, len(text))
			return false
		}
		s.open = s.open[:top]
	}
	return true
}

// readsComplete reports whether text reads as complete data; if not,
// err is the reader's error.
func readsComplete(text string) (bool, error) {
	_, err := readData(text)
	return err == nil, err
}

// insideList reports whether err is the reader's report that the input
// ended inside a list, vector or bytevector, with every token before
// complete.
func insideList(err error) bool {
	var re *reader.Error
	if !errors.As(err, &re) || !re.Incomplete {
		return false
	}
	switch re.Msg {
	case "unterminated list", "unterminated vector", "unterminated bytevector":
		return true
	}
	return false
}

// entry reads the pending input. If it is incomplete (and the input has
// not ended) it leaves it pending; otherwise it evaluates it. stop reports
// that the session is over, with exit status code.
func (s *session) entry(atEOF bool) (code int, stop bool) {
	r := reader.New(s.buf.String(), s.file)
	forms, rerr := readForms(r)
	if errors.Is(rerr, reader.ErrIncomplete) && !atEOF {
		if insideList(rerr) {
			s.open = append(s.open[:0], s.buf.Len())
		}
		return 0, false
	}
	s.consume(r, rerr)
	if rerr != nil && s.interactive && len(forms) == 0 {
		s.in.Flush()
		fmt.Fprintln(s.stderr, paint(s.stderr, colorRed, rerr.Error()))
		s.failed = true
		return 0, false
	}
	for _, datum := range forms {
		if code, stop, ok := s.evalForm(datum, r); !ok || stop {
			return code, stop // an error skips the rest of the entry
		}
	}
	return s.endEntry(rerr)
}

// readForms reads the data of an entry up to its end or the first
// error, which it returns (never io.EOF).
func readForms(r *reader.Reader) ([]value.Value, error) {
	var forms []value.Value
	for {
		datum, err := r.Read()
		if err == io.EOF {
			return forms, nil
		}
		if err != nil {
			return forms, err
		}
		forms = append(forms, datum)
	}
}

// consume takes the complete (or broken) entry read by r out of the
// pending input. Each entry is read on its own, so it shifts the
// positions of r's source map and of the read error rerr to lines of the
// whole input.
func (s *session) consume(r *reader.Reader, rerr error) {
	first := s.lineNo
	s.lineNo += len(s.lines)
	if s.interactive {
		s.addHistory()
	}
	s.reset()
	if first == 0 {
		return
	}
	for p, pos := range r.SourceMap() {
		pos.Line += int32(first)
		r.SourceMap()[p] = pos
	}
	var re *reader.Error
	if errors.As(rerr, &re) {
		re.Pos.Line += int32(first)
	}
}

// evalForm evaluates one form of an entry read by r and, at the prompt,
// shows its value and lets the goroutines it woke run. ok reports that
// it succeeded; stop that the session is over, with exit status code.
func (s *session) evalForm(datum value.Value, r *reader.Reader) (code int, stop, ok bool) {
	if s.interactive {
		// Forget a Ctrl-C that came while nothing ran. (A program
		// keeps it: it stops at the next form.)
		s.in.ClearInterrupt()
	}
	v, err := s.in.EvalAt(datum, r.SourceMap(), r.Pos())
	if err != nil {
		code := reportError(s.in, err, s.stderr)
		var exit *eval.ExitError
		if errors.As(err, &exit) || !s.interactive {
			return code, true, false
		}
		s.failed = true
		code, stop = s.settle()
		return code, stop, false
	}
	if s.interactive {
		s.in.Flush()
		s.show(v)
		code, stop = s.settle()
		return code, stop, true
	}
	return 0, false, true
}

// endEntry finishes an entry whose forms all ran: it reports the read
// error rerr that cut the entry short, if any, and flushes the output.
func (s *session) endEntry(rerr error) (code int, stop bool) {
	if rerr != nil {
		// The forms before the syntax error ran, as they do in a file
		// (and, for a stray ")" after a form, in Guile and Racket).
		code := reportError(s.in, rerr, s.stderr)
		if s.interactive {
			s.failed = true
			return 0, false
		}
		return code, true
	}
	if err := s.in.Flush(); err != nil && !s.interactive {
		return 1, true
	}
	return 0, false
}

// settle lets the goroutines that an interactive evaluation made
// runnable run until each one is blocked or done, or for settleBudget
// (prelude.Settle; live.go lets them go on at the prompt). After Ctrl-C it makes goroutine 1, the REPL's, the
// running one again. stop reports that a goroutine called exit.
func (s *session) settle() (code int, stop bool) {
	if err := settleFor(s.in, settleBudget); err != nil {
		code := reportError(s.in, err, s.stderr)
		var exit *eval.ExitError
		if errors.As(err, &exit) {
			return code, true
		}
		prelude.RecoverMain(s.in)
	}
	s.in.Flush()
	return 0, false
}

// end is called at the end of the input. A program (input not
// interactive) then waits for its goroutines, as a file does.
func (s *session) end() int {
	if s.interactive {
		return 0
	}
	if err := prelude.ProgramEnd(s.in); err != nil {
		return reportError(s.in, err, s.stderr)
	}
	if err := s.in.Flush(); err != nil {
		return 1
	}
	return 0
}

// show prints a result in write form: nothing for an unspecified value,
// one line per value for multiple values.
func (s *session) show(v value.Value) {
	if v == nil || v == value.Value(value.Unspecified) {
		return
	}
	if s.out != nil && s.out.mid {
		io.WriteString(s.out, "\n")
	}
	vals := []value.Value{v}
	if mv, ok := v.(*value.MultipleValues); ok {
		vals = mv.Vals
	}
	for _, x := range vals {
		// Written as it is printed, and stopped by Ctrl-C: a result
		// can be a list of millions of elements.
		ok := s.in.WriteValue(s.stdout, x)
		fmt.Fprintln(s.stdout)
		if !ok {
			fmt.Fprintln(s.stderr, "interrupted")
			return
		}
	}
}

// addHistory records the pending entry: as one item when its lines can be
// joined with spaces without changing what it reads as (no line but the
// last ends inside a string or has a line comment), else line by line.
// Blank entries and repeats of the previous item are skipped.
func (s *session) addHistory() {
	items := s.lines
	if len(s.lines) > 1 {
		parts := make([]string, 0, len(s.lines))
		for _, l := range s.lines {
			if l = strings.TrimSpace(l); l != "" {
				parts = append(parts, l)
			}
		}
		joined := strings.Join(parts, " ")
		if sameData(joined, s.buf.String()) {
			items = []string{joined}
		}
	}
	for _, it := range items {
		if strings.TrimSpace(it) != "" && it != s.lastHistory {
			s.lr.AppendHistory(it)
			s.lastHistory = it
		}
	}
}

// sameData reports whether a and b read without error as the same data.
func sameData(a, b string) bool {
	da, err := readData(a)
	if err != nil {
		return false
	}
	db, err := readData(b)
	if err != nil || len(da) != len(db) {
		return false
	}
	for i := range da {
		if value.WriteString(da[i]) != value.WriteString(db[i]) {
			return false
		}
	}
	return true
}

// readData reads every datum of text.
func readData(text string) ([]value.Value, error) { return readForms(reader.New(text, "")) }

// lineEnd is a writer that remembers whether the last byte written ended
// a line.
type lineEnd struct {
	w   io.Writer
	mid bool
}

func (l *lineEnd) Write(p []byte) (int, error) {
	n, err := l.w.Write(p)
	if n > 0 {
		l.mid = p[n-1] != '\n'
	}
	return n, err
}

// plainReader reads lines from a bufio.Reader, writing prompts to prompts
// (nil: no prompts).
type plainReader struct {
	r       *bufio.Reader
	prompts io.Writer
	// count, if set, counts the line breaks that r has read from below.
	// The program may read lines from r too; count lets the session
	// number lines as they are in the input all the same.
	count *lineCounter
}

// linesConsumed returns the number of line breaks taken out of r.
func (p *plainReader) linesConsumed() (int, bool) {
	if p.count == nil {
		return 0, false
	}
	buffered, _ := p.r.Peek(p.r.Buffered())
	return p.count.n - bytes.Count(buffered, []byte{'\n'}), true
}

// lineCounter counts the line breaks read through it.
type lineCounter struct {
	r io.Reader
	n int
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += bytes.Count(p[:n], []byte{'\n'})
	return n, err
}

func (p *plainReader) Prompt(prompt string) (string, error) {
	if p.prompts != nil && prompt != "" {
		io.WriteString(p.prompts, prompt)
	}
	line, err := p.r.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil // a last line without a line break
	}
	if err != nil {
		return "", err
	}
	line = strings.TrimSuffix(line, "\n")
	return strings.TrimSuffix(line, "\r"), nil
}

func (p *plainReader) AppendHistory(string) {}
func (p *plainReader) Close() error         { return nil }

// termReader reads lines with the line editor (internal/lineedit), with
// history and tab completion. The editor puts the terminal into raw mode
// only while it waits for a line, so that Scheme code reading the
// terminal gets it cooked and echoing, and Ctrl-C raises SIGINT while
// code runs.
type termReader struct {
	ed      *lineedit.Editor
	history string // history file, "" if there is no home directory
}

// newTermReader opens the line editor on standard input and output; out
// is where its screen output goes (a writer to standard output). It
// fails if either is not a terminal.
func newTermReader(in *eval.Interp, out io.Writer) (*termReader, error) {
	ed, err := lineedit.Open(os.Stdin, os.Stdout, out)
	if err != nil {
		return nil, err
	}
	ed.SetCompleter(func(line string, pos int) (string, []string, string) {
		return completeWord(in, line, pos)
	})
	t := &termReader{ed: ed}
	if home, err := os.UserHomeDir(); err == nil {
		t.history = filepath.Join(home, ".contigo_history")
		if f, err := os.Open(t.history); err == nil {
			ed.ReadHistory(f)
			f.Close()
		}
	}
	return t, nil
}

func (t *termReader) Prompt(prompt string) (string, error) { return t.ed.Prompt(prompt) }

func (t *termReader) AppendHistory(item string) { t.ed.AppendHistory(item) }

// Close saves the history (mode 0600: it may hold secrets) and gives the
// terminal back in its original mode.
func (t *termReader) Close() error {
	var err error
	if t.history != "" {
		var b bytes.Buffer
		t.ed.WriteHistory(&b)
		if err = os.WriteFile(t.history, b.Bytes(), 0o600); err == nil {
			err = os.Chmod(t.history, 0o600)
		}
	}
	if e := t.ed.Close(); err == nil {
		err = e
	}
	return err
}

// completeWord completes the symbol that ends at the cursor (rune index
// pos of line) with the names bound in the interpreter.
func completeWord(in *eval.Interp, line string, pos int) (head string, completions []string, tail string) {
	rs := []rune(line)
	if pos > len(rs) {
		pos = len(rs)
	}
	if h, c, t, ok := completeMeta(line, pos); ok { // repl_complete.go
		return h, c, t
	}
	start := pos
	for start > 0 && !isSymbolDelimiter(rs[start-1]) {
		start--
	}
	head, word, tail := string(rs[:start]), string(rs[start:pos]), string(rs[pos:])
	if word == "" {
		return head, nil, tail
	}
	interpLock.Lock() // goroutines may be running (live.go)
	defer interpLock.Unlock()
	return head, in.Completions(word), tail
}

func isSymbolDelimiter(r rune) bool {
	switch r {
	case '(', ')', '[', ']', '{', '}', '\'', '`', ',', '"', ';', '|':
		return true
	}
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// stdinIsTerminal reports whether r is the process's standard input and
// that is a terminal.
func stdinIsTerminal(r io.Reader) bool {
	if f, ok := r.(*os.File); !ok || f != os.Stdin {
		return false
	}
	return lineedit.IsTerminal(os.Stdin)
}

// isCharDevice reports whether w is a file on a character device (a
// terminal, usually).
func isCharDevice(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// repl runs the interactive loop at a terminal. out is the interpreter's
// standard output. If shared is nil, lines come from the line editor; otherwise they are read plainly from shared, the buffered
// standard input that the interpreter's own input port uses too.
func repl(in *eval.Interp, out *lineEnd, held *hold, shared *bufio.Reader, stdout, stderr io.Writer) int {
	// Ctrl-C while code runs raises SIGINT (the terminal is in its
	// original mode then): interrupt the evaluation. The handler stays
	// for the whole session, so there is no moment when Ctrl-C would
	// kill the REPL; an interrupt that arrives between evaluations is
	// cleared before the next one.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	done := make(chan struct{})
	defer func() {
		signal.Stop(sigs)
		close(done)
	}()
	go func() {
		for {
			select {
			case <-sigs:
				in.Interrupt()
			case <-done:
				return
			}
		}
	}()

	s := &session{in: in, stdout: out, stderr: stderr, file: "<repl>", interactive: true, out: out}
	if shared == nil {
		// The goroutines run while the line is edited (live.go), and
		// what they print appears above it.
		var lr lineReader
		if tr, err := newTermReader(in, out); err == nil {
			held.screen = tr.ed
			lr = tr
		} else {
			// Standard output is not a terminal after all: read
			// plain lines.
			lr = &plainReader{r: bufio.NewReader(os.Stdin), prompts: stdout}
		}
		s.lr = &liveReader{lineReader: lr, in: in, hold: held, stderr: held.writer(stderr)}
	} else {
		// Prompts bypass out: the user's line break, echoed by the
		// terminal, ends their line.
		s.lr = &plainReader{r: shared, prompts: stdout}
	}
	// Lines typed at the main prompt that start with ",name" are
	// meta-commands (meta.go).
	meta := &metaReader{lineReader: s.lr, s: s}
	s.lr = meta
	// Errors of goroutines are reported without ending the session.
	prelude.Interactive(in)
	fmt.Fprintf(out, "contigo %s (Ctrl-D to exit)\n", version)
	code := s.run()
	if s.eof && !meta.quit {
		io.WriteString(stdout, "\n") // Ctrl-D leaves the cursor after the prompt
	}
	if err := s.lr.Close(); err != nil {
		fmt.Fprintf(stderr, "contigo: %v\n", err)
	}
	return code
}

// interruptOnce makes the first SIGINT interrupt the evaluation (so that
// the output is flushed and "interrupted" reported) and lets a second one
// kill the process as usual, in case the program is stuck where it does
// not poll for interrupts. The returned function undoes it.
func interruptOnce(in *eval.Interp) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			in.Interrupt()
			signal.Stop(sigs)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}
