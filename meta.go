package main

// This file defines the REPL's meta-commands: lines typed at the main
// prompt that start with a comma, such as ,help, ,expand EXPR or
// ,trace fib. They are read by metaReader, which wraps the line reader of
// an interactive session, and run by metaCommand.

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"contigo/eval"
	"contigo/prelude"
	"contigo/reader"
	"contigo/value"
)

// metaCmd is a meta-command.
type metaCmd struct {
	name    string
	aliases []string
	args    string // shown by ,help
	help    string
	run     func(c *metaCtx, arg string) (quit bool)
}

// metaCtx is what a meta-command runs with.
type metaCtx struct {
	in          *eval.Interp
	out, errOut io.Writer
}

var metaCmds []*metaCmd

func init() {
	metaCmds = []*metaCmd{
		{name: "help", aliases: []string{"h", "?"}, help: "list the meta-commands", run: metaHelp},
		{name: "expand", args: "EXPR", help: "expand every macro use in EXPR and pretty-print the result", run: metaExpand},
		{name: "pp", args: "EXPR", help: "evaluate EXPR and pretty-print its value", run: metaPP},
		{name: "time", args: "EXPR", help: "evaluate EXPR, show the wall time and allocations, then its value", run: metaTime},
		{name: "trace", args: "[PROC ...]", help: "show the calls and returns of global procedures (no PROC: list the traced ones)", run: metaTrace},
		{name: "untrace", args: "[PROC ...]", help: "stop tracing PROC (no PROC: all of them)", run: metaUntrace},
		{name: "goroutines", help: "list the goroutines: id, state and what a blocked one waits for", run: metaGoroutines},
		{name: "cont", args: "K", help: "show what the continuation K will do when resumed (its frames, innermost first)", run: metaCont},
		{name: "load", args: "FILE", help: "load a Scheme file", run: metaLoad},
		{name: "doc", args: "NAME", help: "show the documentation of a procedure or syntax", run: metaDoc},
		{name: "describe", args: "NAME", help: "show what NAME is bound to, then its documentation", run: metaDescribe},
		{name: "apropos", args: "TEXT", help: "list the names whose name or summary contains TEXT", run: metaApropos},
		{name: "bt", help: "show the last error again with its backtrace", run: metaBT},
		{name: "quit", aliases: []string{"q", "exit"}, help: "leave the REPL", run: func(*metaCtx, string) bool { return true }},
	}
}

// isMetaLine reports whether line is a meta-command: a comma followed by
// a command name (a comma before anything else is Scheme's unquote).
func isMetaLine(line string) bool {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, ",") || len(line) < 2 {
		return false
	}
	r := rune(line[1])
	return unicode.IsLetter(r) || r == '?'
}

// metaCommand runs the meta-command on line. handled is false if line is
// not a meta-command (it is then Scheme to evaluate); quit reports that
// the REPL should end. Output goes to out, errors to errOut.
func metaCommand(in *eval.Interp, line string, out, errOut io.Writer) (handled, quit bool) {
	if !isMetaLine(line) {
		return false, false
	}
	word, arg := strings.TrimSpace(line)[1:], ""
	if i := strings.IndexFunc(word, unicode.IsSpace); i >= 0 {
		word, arg = word[:i], strings.TrimSpace(word[i:])
	}
	c := &metaCtx{in: in, out: out, errOut: errOut}
	in.Flush()
	freshLine(out)
	cmd, err := lookupMeta(word) // repl_complete.go
	if err != nil {
		fmt.Fprintln(errOut, paint(errOut, colorRed, err.Error()))
		return true, false
	}
	in.ClearInterrupt()
	quit = cmd.run(c, arg)
	in.Flush()
	return true, quit
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// freshLine ends the line the program left unfinished on out, if out
// keeps track of that.
func freshLine(out io.Writer) {
	if l, ok := out.(*lineEnd); ok && l.mid {
		io.WriteString(l, "\n")
	}
}

func metaHelp(c *metaCtx, arg string) bool {
	fmt.Fprintln(c.out, "Meta-commands (at the start of a line):")
	for _, cmd := range metaCmds {
		name := "," + cmd.name
		if cmd.args != "" {
			name += " " + cmd.args
		}
		fmt.Fprintf(c.out, "  %-20s %s\n", name, cmd.help)
	}
	fmt.Fprintln(c.out, "Anything else is Scheme, evaluated when the form is complete.")
	return false
}

// readExpr reads the one datum of a command's argument.
func (c *metaCtx) readExpr(arg, cmd string) (value.Value, *reader.Reader, bool) {
	r := reader.New(arg, "<repl>")
	v, err := r.Read()
	if err == io.EOF {
		fmt.Fprintf(c.errOut, ",%s needs an expression\n", cmd)
		return nil, nil, false
	}
	if err != nil {
		fmt.Fprintln(c.errOut, err)
		return nil, nil, false
	}
	if _, err := r.Read(); err != io.EOF {
		fmt.Fprintf(c.errOut, ",%s takes one expression\n", cmd)
		return nil, nil, false
	}
	return v, r, true
}

// eval evaluates v read by r, reporting an error; quit reports that the
// program called exit.
func (c *metaCtx) eval(v value.Value, r *reader.Reader) (result value.Value, ok, quit bool) {
	res, err := c.in.EvalAt(v, r.SourceMap(), r.Pos())
	if err != nil {
		return nil, false, c.fail(err)
	}
	c.in.Flush()
	return res, true, false
}

// fail reports err, the error of an evaluation a meta-command ran, and
// says whether it was the program's exit (the REPL then ends).
func (c *metaCtx) fail(err error) (quit bool) {
	reportError(c.in, err, c.errOut)
	var exit *eval.ExitError
	return errors.As(err, &exit)
}

// show prints a result as the REPL does.
func (c *metaCtx) show(v value.Value) {
	if v == nil || v == value.Value(value.Unspecified) {
		return
	}
	freshLine(c.out)
	if mv, ok := v.(*value.MultipleValues); ok {
		for _, x := range mv.Vals {
			fmt.Fprintln(c.out, value.WriteString(x))
		}
		return
	}
	fmt.Fprintln(c.out, value.WriteString(v))
}

func metaExpand(c *metaCtx, arg string) bool {
	v, r, ok := c.readExpr(arg, "expand")
	if !ok {
		return false
	}
	out, err := c.in.MacroexpandAll(v, r.SourceMap())
	if err != nil {
		reportError(c.in, err, c.errOut)
		return false
	}
	value.PrettyPrint(c.out, out, value.DefaultWidth)
	fmt.Fprintln(c.out)
	return false
}

func metaPP(c *metaCtx, arg string) bool {
	v, r, ok := c.readExpr(arg, "pp")
	if !ok {
		return false
	}
	res, ok, quit := c.eval(v, r)
	if !ok {
		return quit
	}
	freshLine(c.out)
	vals := []value.Value{res}
	if mv, ok := res.(*value.MultipleValues); ok {
		vals = mv.Vals
	}
	for _, x := range vals {
		if x != value.Value(value.Unspecified) {
			value.PrettyPrint(c.out, x, value.DefaultWidth)
			fmt.Fprintln(c.out)
		}
	}
	return false
}

func metaTime(c *metaCtx, arg string) bool {
	v, r, ok := c.readExpr(arg, "time")
	if !ok {
		return false
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	res, err := c.in.EvalAt(v, r.SourceMap(), r.Pos())
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	c.in.Flush()
	freshLine(c.out)
	fmt.Fprintf(c.out, ";; %s real, %d allocations, %s\n", roundDuration(elapsed),
		after.Mallocs-before.Mallocs, byteSize(after.TotalAlloc-before.TotalAlloc))
	if err != nil {
		return c.fail(err)
	}
	c.show(res)
	return false
}

// roundDuration keeps about four significant digits.
func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= 10*time.Second:
		return d.Round(time.Millisecond)
	case d >= 10*time.Millisecond:
		return d.Round(10 * time.Microsecond)
	case d >= 10*time.Microsecond:
		return d.Round(10 * time.Nanosecond)
	}
	return d
}

// byteSize formats a number of bytes with a binary unit.
func byteSize(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func metaLoad(c *metaCtx, arg string) bool {
	file := strings.TrimSpace(arg)
	if len(file) >= 2 && file[0] == '"' && file[len(file)-1] == '"' {
		file = file[1 : len(file)-1]
	}
	if file == "" {
		fmt.Fprintln(c.errOut, ",load needs a file name")
		return false
	}
	_, err := c.in.EvalAt(value.List(value.Intern("load"), value.NewString(file)), nil, value.Pos{})
	if err != nil {
		return c.fail(err)
	}
	return false
}

// metaGoroutines prints the live goroutines, one a line, saying what a
// blocked one waits for.
func metaGoroutines(c *metaCtx, arg string) bool {
	gs, err := prelude.Goroutines(c.in)
	if errors.Is(err, prelude.ErrNotLoaded) {
		fmt.Fprintf(c.errOut, "no goroutines: %v\n", err)
		return false
	}
	if err != nil {
		reportError(c.in, err, c.errOut)
		return false
	}
	if len(gs) == 0 {
		fmt.Fprintln(c.out, "no goroutines")
	}
	for _, g := range gs {
		state := g.State
		if g.Waiting != "" {
			state += ": " + g.Waiting
		}
		fmt.Fprintf(c.out, "goroutine %d [%s]\n", g.ID, state)
	}
	return false
}

// Tracing replaces a global procedure by a wrapper, made in Scheme by
// traceMaker, that prints each call and its result. The state of the
// tracing of each interpreter is kept here, so that ,untrace can put the
// original back.
var (
	traceMu     sync.Mutex
	traceStates = map[*eval.Interp]*traceState{}
)

type traceState struct {
	maker  value.Value       // (lambda (name proc gid) wrapper)
	gid    value.Value       // (lambda () id-of-the-running-goroutine)
	traced map[string]traced // by name
}

type traced struct{ orig, wrapper value.Value }

// traceMaker makes tracing wrappers. The depth of nested traced calls is
// a parameter, so it is right after an escape or an error, and in each
// goroutine. The wrapper uses only the procedures it captured when it
// was made, so that tracing display or apply cannot make it recurse.
// A call is shown at depth d after d bars, its values at the same depth:
//
//	| (fib 2)
//	| | (fib 1)
//	| | 1
const traceMaker = `
(let ((apply apply) (display display) (write write) (newline newline)
      (call-with-values call-with-values) (values values) (cons cons)
      (null? null?) (car car) (cdr cdr) (eq? eq?) (< <) (+ +)
      (current-output-port current-output-port) (make-parameter make-parameter)
      (unspecified (if #f #f)))
  (define depth (make-parameter 0))
  (define (bars d port)
    (let loop ((i 0))
      (if (< i (if (< d 11) d 10))
          (begin (display "| " port) (loop (+ i 1)))))
    (if (< 10 d)
        (begin (display "[" port) (display d port) (display "] " port))))
  (define (show-values vals port)
    (if (null? vals)
        (display "; no values" port)
        (let loop ((vals vals))
          (if (eq? (car vals) unspecified)
              (display "#<unspecified>" port)
              (write (car vals) port))
          (if (not (null? (cdr vals)))
              (begin (display " " port) (loop (cdr vals)))))))
  ;; Calls made by a goroutine other than the REPL's (goroutine 1) are
  ;; marked with its id: [goroutine 2] | (f 1).
  (define (who gid port)
    (let ((id (gid)))
      (if (not (eq? id 1))
          (begin (display "[goroutine " port) (display id port) (display "] " port)))))
  (lambda (name proc gid)
    (lambda args
      (let ((d (+ (depth) 1)))
        (who gid (current-output-port))
        (bars d (current-output-port))
        (write (cons name args) (current-output-port))
        (newline (current-output-port))
        (call-with-values
          (lambda () (parameterize ((depth d)) (apply proc args)))
          (lambda vals
            (let ((port (current-output-port)))
              (who gid port)
              (bars d port)
              (show-values vals port)
              (newline port)
              (apply values vals))))))))
`

// traceStateOf returns the tracing state of in, making its wrapper maker
// the first time.
func traceStateOf(in *eval.Interp) (*traceState, error) {
	traceMu.Lock()
	defer traceMu.Unlock()
	if st := traceStates[in]; st != nil {
		return st, nil
	}
	form, err := reader.New(traceMaker, "<trace>").Read()
	if err != nil {
		return nil, err
	}
	maker, err := in.Eval(form, nil)
	if err != nil {
		return nil, err
	}
	gid, err := prelude.GoroutineIDProc(in)
	if err != nil {
		return nil, err
	}
	st := &traceState{maker: maker, gid: gid, traced: map[string]traced{}}
	traceStates[in] = st
	return st, nil
}

// tracedNames returns the names traced in st whose wrapper is still in
// place (a procedure redefined since is no longer traced).
func (st *traceState) tracedNames(in *eval.Interp) []string {
	var names []string
	for name, t := range st.traced {
		if v, ok := in.Lookup(name); ok && v == t.wrapper {
			names = append(names, name)
		} else {
			delete(st.traced, name)
		}
	}
	sort.Strings(names)
	return names
}

func metaTrace(c *metaCtx, arg string) bool {
	st, err := traceStateOf(c.in)
	if err != nil {
		fmt.Fprintf(c.errOut, ",trace: %v\n", err)
		return false
	}
	names := strings.Fields(arg)
	if len(names) == 0 {
		if traced := st.tracedNames(c.in); len(traced) > 0 {
			fmt.Fprintf(c.out, "traced: %s\n", strings.Join(traced, " "))
		} else {
			fmt.Fprintln(c.out, "nothing is traced")
		}
		return false
	}
	isProc, _ := c.in.Lookup("procedure?")
	for _, name := range names {
		v, ok := c.in.Lookup(name)
		if !ok {
			fmt.Fprintf(c.errOut, ",trace: %s is not defined\n", name)
			continue
		}
		if t, ok := st.traced[name]; ok && t.wrapper == v {
			fmt.Fprintf(c.out, "%s is already traced\n", name)
			continue
		}
		if yes, err := c.in.Apply(isProc, []value.Value{v}); err != nil || yes == value.Value(false) {
			fmt.Fprintf(c.errOut, ",trace: %s is not a procedure: %s\n", name, value.ShortText(value.WriteString(v), 60))
			continue
		}
		wrapper, err := c.in.Apply(st.maker, []value.Value{value.Intern(name), v, st.gid})
		if err != nil {
			reportError(c.in, err, c.errOut)
			continue
		}
		c.in.Define(name, wrapper)
		st.traced[name] = traced{orig: v, wrapper: wrapper}
		fmt.Fprintf(c.out, "tracing %s\n", name)
	}
	return false
}

func metaUntrace(c *metaCtx, arg string) bool {
	st, err := traceStateOf(c.in)
	if err != nil {
		fmt.Fprintf(c.errOut, ",untrace: %v\n", err)
		return false
	}
	names := strings.Fields(arg)
	all := len(names) == 0
	if all {
		names = st.tracedNames(c.in)
		if len(names) == 0 {
			fmt.Fprintln(c.out, "nothing is traced")
			return false
		}
	}
	for _, name := range names {
		t, ok := st.traced[name]
		v, bound := c.in.Lookup(name)
		switch {
		case !ok:
			fmt.Fprintf(c.errOut, ",untrace: %s is not traced\n", name)
			continue
		case !bound || v != t.wrapper:
			// Redefined since: the new definition stays.
			fmt.Fprintf(c.out, "%s was redefined since ,trace; it is no longer traced\n", name)
		default:
			c.in.Define(name, t.orig)
			fmt.Fprintf(c.out, "untraced %s\n", name)
		}
		delete(st.traced, name)
	}
	return false
}

// metaReader is the line reader of an interactive session: it runs the
// meta-commands typed at the main prompt, so the session never sees
// them, and ends the input at ,quit.
type metaReader struct {
	lineReader
	s    *session
	quit bool // ,quit ended the session (no Ctrl-D line break needed)
}

func (r *metaReader) Prompt(prompt string) (string, error) {
	for {
		line, err := r.lineReader.Prompt(prompt)
		if err != nil || len(r.s.lines) > 0 || !isMetaLine(line) {
			return line, err
		}
		handled, quit := metaCommand(r.s.in, line, r.s.stdout, r.s.stderr)
		if !handled {
			return line, nil
		}
		r.s.lineNo++
		if item := strings.TrimSpace(line); item != r.s.lastHistory {
			r.lineReader.AppendHistory(item)
			r.s.lastHistory = item
		}
		if quit {
			r.quit = true
			return "", io.EOF
		}
		if r.s.out != nil && r.s.out.mid {
			io.WriteString(r.s.out, "\n")
		}
	}
}
