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

	"github.com/peterh/liner"

	"contigo/eval"
	"contigo/prelude"
	"contigo/reader"
	"contigo/value"
)

// Prompts of the interactive REPL.
const (
	promptMain = "contigo> "
	promptMore = "...      "
)

// fullReadLimit is the size of pending input below which every new line
// triggers a full re-read to learn whether the entry is complete. Above
// it, the entry is re-read only when the bracket scanner says it may be
// complete, so that a huge form spread over many lines costs linear time.
const fullReadLimit = 4096

// lineReader is where a session gets its input, one line at a time: liner
// at a terminal, a bufio.Reader otherwise, a fake in tests.
type lineReader interface {
	// Prompt shows prompt (if the reader shows prompts) and returns the
	// next line without its line terminator. It returns io.EOF at the
	// end of input and liner.ErrPromptAborted when the user pressed
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

	buf      strings.Builder // the pending entry
	lines    []string        // the lines of the pending entry
	joinable bool            // its lines may be joined into one history item
	scan     bracketScanner
	lineNo   int  // lines consumed before the pending entry
	eof      bool // the input ended
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
		case errors.Is(err, liner.ErrPromptAborted):
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
		if len(s.lines) == 0 {
			s.joinable = true
		} else if !s.scan.clean {
			s.joinable = false
		}
		s.lines = append(s.lines, line)
		s.buf.WriteString(line)
		s.buf.WriteByte('\n')
		s.scan.feed(line)
		if s.buf.Len() > fullReadLimit && !s.scan.mayBeComplete() {
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
	s.scan = bracketScanner{}
}

// entry reads the pending input. If it is incomplete (and the input has
// not ended) it leaves it pending; otherwise it evaluates it. stop reports
// that the session is over, with exit status code.
func (s *session) entry(atEOF bool) (code int, stop bool) {
	r := reader.New(s.buf.String(), s.file)
	var forms []value.Value
	var rerr error
	for {
		datum, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			rerr = err
			break
		}
		forms = append(forms, datum)
	}
	if errors.Is(rerr, reader.ErrIncomplete) && !atEOF {
		return 0, false
	}

	// The entry is complete (or broken): consume it. Each entry is read
	// on its own, so shift its positions to lines of the whole input.
	first := s.lineNo
	s.lineNo += len(s.lines)
	if s.interactive {
		s.addHistory()
	}
	s.reset()
	if first > 0 {
		for p, pos := range r.SourceMap() {
			pos.Line += int32(first)
			r.SourceMap()[p] = pos
		}
		var re *reader.Error
		if errors.As(rerr, &re) {
			re.Pos.Line += int32(first)
		}
	}
	if rerr != nil && s.interactive && len(forms) == 0 {
		s.in.Flush()
		fmt.Fprintln(s.stderr, paint(s.stderr, colorRed, rerr.Error()))
		s.failed = true
		return 0, false
	}
	for _, datum := range forms {
		if s.interactive {
			// Forget a Ctrl-C that came while nothing ran. (A
			// program keeps it: it stops at the next form.)
			s.in.ClearInterrupt()
		}
		v, err := s.in.EvalAt(datum, r.SourceMap(), r.Pos())
		if err != nil {
			code := reportError(s.in, err, s.stderr)
			var exit *eval.ExitError
			if errors.As(err, &exit) || !s.interactive {
				return code, true
			}
			s.failed = true
			return s.settle() // skip the rest of the entry
		}
		if s.interactive {
			s.in.Flush()
			s.show(v)
			if code, stop := s.settle(); stop {
				return code, true
			}
		}
	}
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
// joined with spaces without changing its meaning (no line but the last
// ends inside a string or comment or has a line comment), else line by
// line. Blank entries and repeats of the previous item are skipped.
func (s *session) addHistory() {
	var items []string
	if s.joinable {
		parts := make([]string, 0, len(s.lines))
		for _, l := range s.lines {
			if l = strings.TrimSpace(l); l != "" {
				parts = append(parts, l)
			}
		}
		items = []string{strings.Join(parts, " ")}
	} else {
		items = s.lines
	}
	for _, it := range items {
		if strings.TrimSpace(it) != "" && it != s.lastHistory {
			s.lr.AppendHistory(it)
			s.lastHistory = it
		}
	}
}

// bracketScanner follows, line by line, the lexical state that decides
// whether pending input may hold complete data: bracket depth, strings,
// |symbols| and block comments. It is only an optimization for large
// entries; the reader has the last word.
type bracketScanner struct {
	depth int
	quote byte // '"' or '|' inside a string or |symbol|, else 0
	esc   bool // a backslash inside quote escapes the next character
	block int  // nesting depth of #| |# comments
	// clean reports that the last line fed ended outside any string or
	// comment and held no line comment.
	clean bool
}

func (sc *bracketScanner) mayBeComplete() bool {
	return sc.depth <= 0 && sc.quote == 0 && sc.block == 0
}

func (sc *bracketScanner) feed(line string) {
	sc.clean = true
	start := true // at the start of a token
	for i := 0; i < len(line); i++ {
		c := line[i]
		next := byte(0)
		if i+1 < len(line) {
			next = line[i+1]
		}
		if sc.block > 0 {
			switch {
			case c == '|' && next == '#':
				sc.block--
				i++
			case c == '#' && next == '|':
				sc.block++
				i++
			}
			start = true
			continue
		}
		if sc.quote != 0 {
			switch {
			case sc.esc:
				sc.esc = false
			case c == '\\':
				sc.esc = true
			case c == sc.quote:
				sc.quote = 0
				start = true
			}
			continue
		}
		switch c {
		case '(', '[':
			sc.depth++
			start = true
		case ')', ']':
			sc.depth--
			start = true
		case '"', '|':
			sc.quote = c
		case ';':
			sc.clean = false
			return
		case '#':
			if start {
				switch next {
				case '|':
					sc.block = 1
					i++
					continue
				case '\\': // a character: skip the one after #\
					i += 2
					start = false
					continue
				case ';': // datum comment
					i++
					continue
				}
			}
			start = false
		default:
			start = c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
				c == '\'' || c == '`' || c == ',' || c == '{' || c == '}'
		}
	}
	sc.esc = false // the escaped character is the line break
	if sc.quote != 0 || sc.block > 0 {
		sc.clean = false
	}
}

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

// termReader is a liner line editor with history and tab completion.
//
// liner puts the terminal into raw mode in NewLiner and leaves it there
// between prompts (it switches modes only around its own reads). So that
// Scheme code that reads the terminal gets a cooked, echoing terminal,
// and so that Ctrl-C raises SIGINT while code runs, termReader restores
// the original mode after each Prompt and re-applies liner's mode before
// the next.
type termReader struct {
	st        *liner.State
	orig, raw liner.ModeApplier
	history   string // history file, "" if there is no home directory
	fallback  *plainReader
}

func newTermReader(in *eval.Interp) *termReader {
	orig, err := liner.TerminalMode()
	if err != nil {
		orig = nil
	}
	st := liner.NewLiner()
	raw, err := liner.TerminalMode()
	if err != nil || orig == nil {
		raw = nil
	}
	if orig != nil {
		orig.ApplyMode()
	}
	st.SetCtrlCAborts(true)
	st.SetTabCompletionStyle(liner.TabPrints)
	st.SetWordCompleter(func(line string, pos int) (string, []string, string) {
		return completeWord(in, line, pos)
	})
	t := &termReader{st: st, orig: orig, raw: raw}
	if home, err := os.UserHomeDir(); err == nil {
		t.history = filepath.Join(home, ".contigo_history")
		if f, err := os.Open(t.history); err == nil {
			st.ReadHistory(f)
			f.Close()
		}
	}
	return t
}

func (t *termReader) Prompt(prompt string) (string, error) {
	if t.fallback != nil {
		return t.fallback.Prompt(prompt)
	}
	if t.raw != nil {
		t.raw.ApplyMode()
	}
	line, err := t.st.Prompt(prompt)
	if t.orig != nil {
		t.orig.ApplyMode()
	}
	if errors.Is(err, liner.ErrNotTerminalOutput) {
		// Standard output is not a terminal after all (liner checks
		// more closely than main does): read plain lines.
		t.fallback = &plainReader{r: bufio.NewReader(os.Stdin), prompts: os.Stderr}
		return t.fallback.Prompt(prompt)
	}
	return line, err
}

func (t *termReader) AppendHistory(item string) { t.st.AppendHistory(item) }

// Close saves the history (mode 0600: it may hold secrets) and gives the
// terminal back in its original mode.
func (t *termReader) Close() error {
	var err error
	if t.history != "" {
		var b bytes.Buffer
		t.st.WriteHistory(&b)
		if err = os.WriteFile(t.history, b.Bytes(), 0o600); err == nil {
			err = os.Chmod(t.history, 0o600)
		}
	}
	if e := t.st.Close(); err == nil {
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
	_, err := liner.TerminalMode()
	return err == nil
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
// standard output. If shared is nil, lines come from the liner line
// editor; otherwise they are read plainly from shared, the buffered
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
		// The goroutines run while the line is edited (live.go).
		s.lr = &liveReader{lineReader: newTermReader(in), in: in, hold: held, stderr: stderr}
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
