// Command contigo is a Scheme interpreter with first-class continuations
// and, built on them in Scheme, Go-style goroutines, channels and Trio-style
// nurseries.
//
//	contigo                   start the REPL (without prompts when stdin is not a terminal)
//	contigo FILE.scm ARGS...  run a file
//	contigo - ARGS...         run standard input as a program
//	contigo check EXERCISE FILE.scm|DIR...  check answers to the course's exercises
//	contigo -e EXPR           evaluate expressions and print the last value
//
// A library (foo bar) is loaded from foo/bar.sld or foo/bar.scm, looked
// for in the importing file's directory, in the directories of the
// colon-separated CONTIGO_PATH, in the program's directory and in the
// current directory.
//
// Output is buffered; it is flushed before an error is printed, before a
// REPL prompt and at exit (also by exit and emergency-exit), so nothing
// printed is lost or reordered.
package main

import (
	"bufio"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"contigo/eval"
	"contigo/internal/lineedit"
	"contigo/reader"
	"contigo/value"
)

//go:embed prelude/prelude.scm
var prelude string

// version is the contigo version shown by --version.
const version = "0.1.0"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "check" {
		return checkMain(args[1:], stdout, stderr) // check.go
	}
	fs := flag.NewFlagSet("contigo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	expr := fs.String("e", "", "evaluate `EXPR` and print the value of the last form")
	showVersion := fs.Bool("version", false, "print the version and exit")
	showHelp := fs.Bool("help", false, "print this help and exit")
	maxDepth := fs.Int("max-depth", eval.DefaultMaxDepth, "maximum continuation depth (frames) before a recursion error")
	maxMemory := fs.Int64("max-memory", 0, "memory limit in `MB` (0: half of the machine's memory, -1: none); past it the program ends with an out-of-memory error, exit status 3")
	traceSched := fs.Bool("trace-sched", false, "print scheduler events (spawn, block, wake, switch, preempt, cancel, exit) to stderr, one per line")
	traceHTML := fs.String("trace-html", "", "write a timeline of the scheduler (one lane per goroutine) to the self-contained HTML `FILE` when the program ends")
	timeout := fs.Float64("timeout", 0, "stop the program after `SECONDS` of wall-clock time (goroutines included), with exit status 124")
	sandboxed := fs.Bool("sandbox", false, "run the program in a sandbox, for untrusted code: no file writes or deletes, no environment\nvariables, file reads only in the program's directory (or the -allow-read ones)")
	var allowRead dirList
	fs.Var(&allowRead, "allow-read", "with -sandbox, let the program read files under `DIR` instead of its own directory (repeatable)")
	usage := func(w io.Writer) {
		fmt.Fprintf(w, "usage: contigo [flags] [FILE.scm [ARGS...]]\n       contigo [flags] - [ARGS...]\n       contigo check EXERCISE FILE.scm|DIR...   (contigo check -help)\n\n")
		fmt.Fprintf(w, "With no FILE, contigo starts a REPL. When stdin is not a terminal the REPL\nshows no prompts but prints each value and runs meta-commands, and its exit\nstatus is 1 if an error was reported. With FILE \"-\", contigo runs stdin\nsilently as a program.\n\nflags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
		fmt.Fprintf(w, "\nenvironment:\n  CONTIGO_PATH\n    \tcolon-separated directories where (import (foo bar)) looks for foo/bar.sld\n    \tor foo/bar.scm, after the importing file's directory and before the\n    \tprogram's directory and the current directory\n")
		fmt.Fprint(w, exitStatusHelp)
	}
	fs.Usage = func() { usage(stderr) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) { // -h
			return 0
		}
		return 2
	}
	if *showHelp {
		usage(stdout)
		return 0
	}
	if *showVersion {
		fmt.Fprintf(stdout, "contigo %s\n", version)
		return 0
	}
	// Deep data (a 100000-level nested list) may be printed or compared
	// recursively; give the Go stack room so that cannot crash.
	debug.SetMaxStack(4 << 30)
	tuneGC()

	if *timeout < 0 || *timeout > 1e9 || *timeout != *timeout {
		fmt.Fprintf(stderr, "contigo: -timeout: expected a number of seconds between 0 and 1e9, got %v\n", *timeout)
		return exitDeadlock
	}
	limit := time.Duration(*timeout * float64(time.Second))
	if len(allowRead) > 0 && !*sandboxed {
		fmt.Fprintf(stderr, "contigo: -allow-read needs -sandbox\n")
		return exitDeadlock
	}
	rest := fs.Args()
	if *traceHTML != "" && len(rest) == 0 {
		fmt.Fprintln(stderr, "contigo: --trace-html needs a program: contigo --trace-html OUT.html FILE.scm")
		return 2
	}
	opts := eval.Options{
		Stdout: stdout, Stderr: stderr, Stdin: stdin, FlushLines: isTerminalOutput(stdout),
		MaxDepth: *maxDepth, Prelude: prelude, PreludeName: "prelude.scm",
		Args:      append([]string{"contigo"}, rest...),
		MaxMemory: *maxMemory << 20,
	}
	if *sandboxed {
		opts.Sandbox = sandboxFor(rest, allowRead)
	}
	isFlagSet := func(name string) bool {
		set := false
		fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
		return set
	}
	switch {
	case len(rest) > 0 && rest[0] == "-":
		// contigo -: standard input is a program, run silently.
		opts.Args = append([]string{"-"}, rest[1:]...)
		count := &lineCounter{r: stdin}
		shared := bufio.NewReaderSize(count, stdinBuffer)
		opts.Stdin = shared
		in, code := newInterp(opts, stderr, *traceSched)
		if in == nil {
			return code
		}
		defer interruptOnce(in)()
		lr := &plainReader{r: shared, count: count}
		s := &session{in: in, lr: lr, stdout: stdout, stderr: stderr, file: "<stdin>"}
		return s.run()
	case isFlagSet("e"):
		in, code := newInterp(opts, stderr, *traceSched)
		if in == nil {
			return code
		}
		defer interruptOnce(in)()
		defer watchStops(in, limit, stderr)()
		return evalString(in, *expr, "-e", true, stdout, stderr)
	case len(rest) > 0:
		opts.Args = rest
		src, err := os.ReadFile(rest[0])
		if err != nil {
			fmt.Fprintf(stderr, "contigo: %v\n", err)
			return 1
		}
		in, code := newInterp(opts, stderr, *traceSched)
		if in == nil {
			return code
		}
		defer interruptOnce(in)()
		defer watchStops(in, limit, stderr)()
		if *traceHTML != "" {
			return runTraced(in, string(src), rest[0], *traceHTML, stdout, stderr)
		}
		return evalString(in, string(src), rest[0], false, stdout, stderr)
	case stdinIsTerminal(stdin):
		out := &lineEnd{w: stdout}
		// What goroutines print while a line is edited appears above
		// it (live.go).
		held := &hold{}
		opts.Stdout, opts.Stderr = held.writer(out), held.writer(stderr)
		var shared *bufio.Reader
		if !lineedit.Supported() || !isCharDevice(stdout) {
			// No line editor: read lines plainly, sharing the
			// buffered stdin with the interpreter's input port.
			shared = bufio.NewReaderSize(stdin, stdinBuffer)
			opts.Stdin = shared
		}
		in, code := newInterp(opts, stderr, *traceSched)
		if in == nil {
			return code
		}
		return repl(in, out, held, shared, stdout, stderr)
	default:
		// Standard input is not a terminal: a REPL without prompts
		// (repl_pipe.go). Forms are read from stdin a line at a time,
		// as they are needed, through the same buffered reader that
		// the interpreter's current input port reads from: the program
		// can read the lines that follow it, as in
		//
		//	(define name (read-line))
		//	Alice
		//	(display name)
		//
		// eval wraps opts.Stdin with bufio.NewReader, which returns a
		// *bufio.Reader at least as big as it asks for unchanged;
		// stdinBuffer is bigger than that, so both read one buffer.
		// (TestStdinSharedWithProgram checks it.)
		count := &lineCounter{r: stdin}
		shared := bufio.NewReaderSize(count, stdinBuffer)
		opts.Stdin = shared
		out := &lineEnd{w: stdout}
		opts.Stdout = out
		in, code := newInterp(opts, stderr, *traceSched)
		if in == nil {
			return code
		}
		defer watchStops(in, limit, stderr)()
		return pipeREPL(in, out, shared, count, stderr)
	}
}

// stdinBuffer is the size of the buffer over standard input shared by the
// REPL or stdin reader and the interpreter's input port.
const stdinBuffer = 64 << 10

func newInterp(opts eval.Options, stderr io.Writer, traceSched bool) (*eval.Interp, int) {
	in, err := eval.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "contigo: start-up failed: %v\n", err)
		return nil, 70
	}
	if traceSched {
		trace, _ := in.Lookup("trace-scheduler")
		if _, err := in.Apply(trace, []value.Value{true}); err != nil {
			fmt.Fprintf(stderr, "contigo: --trace-sched: %v\n", err)
			return nil, 70
		}
	}
	return in, 0
}

// evalString evaluates every form of src. It returns the exit status: 0,
// 1 after an uncaught error, or the code given to exit.
func evalString(in *eval.Interp, src, file string, printLast bool, stdout, stderr io.Writer) int {
	r := reader.New(src, file)
	var last value.Value = value.Unspecified
	for {
		datum, err := r.Read()
		if err == io.EOF {
			break
		}
		if err == nil {
			last, err = in.EvalAt(datum, r.SourceMap(), r.Pos())
		}
		if err != nil {
			return reportError(in, err, stderr)
		}
	}
	if err := programEnd(in); err != nil {
		return reportError(in, err, stderr)
	}
	if err := in.StopPending(); err != nil {
		return reportError(in, err, stderr)
	}
	if printLast && last != value.Value(value.Unspecified) {
		in.Flush()
		fmt.Fprintln(stdout, value.WriteString(last))
	}
	if in.Flush() != nil {
		return reportError(in, in.WriteError(), stderr)
	}
	return 0
}

// reportError prints an error with its backtrace after flushing what the
// program printed, and returns the exit status it implies.
func reportError(in *eval.Interp, err error, stderr io.Writer) int {
	in.Flush()
	var exit *eval.ExitError
	if errors.As(err, &exit) {
		if werr := in.WriteError(); werr != nil && exit.Code == 0 {
			fmt.Fprintf(stderr, "%v\n", werr)
			return exitError
		}
		return exit.Code
	}
	var stop *stopError
	if errors.As(err, &stop) {
		fmt.Fprintf(stderr, "contigo: %s\n", stop.msg)
		return stop.code
	}
	if errors.Is(err, eval.ErrInterrupted) {
		fmt.Fprintln(stderr, "interrupted")
		return 130 // as for a process killed by SIGINT
	}
	rememberError(in, err) // for ,bt (repl_doc.go)
	fmt.Fprintln(stderr, paint(stderr, colorRed, err.Error()))
	var e *eval.Error
	if errors.As(err, &e) {
		if isDeadlock(e.Payload) {
			// As Go does: list the goroutines and what each waits
			// for, and exit with status 2.
			fmt.Fprintf(stderr, "\n%s", preludeString(in, "%deadlock-report"))
			return 2
		}
		fmt.Fprint(stderr, e.Backtrace())
		if isOutOfMemory(e.Payload) {
			return exitOutOfMemory
		}
	}
	return 1
}

// exitOutOfMemory is the exit status of a program ended by an
// out-of-memory error (the memory limit, or a too-big allocation).
const exitOutOfMemory = 3

// isOutOfMemory reports whether v is an out-of-memory error.
func isOutOfMemory(v value.Value) bool {
	e, ok := v.(*value.ErrorObject)
	return ok && e.Kind == "out-of-memory"
}

// programEnd calls the prelude's %program-end after the last form of a
// program: goroutine 1 waits for the goroutines still running. Its error
// is a deadlock, or the program's exit.
func programEnd(in *eval.Interp) error { return callPrelude(in, "%program-end") }

// callPrelude calls the prelude procedure name with no arguments, as a
// top-level evaluation of its own.
func callPrelude(in *eval.Interp, name string) error {
	proc, ok := in.Lookup(name)
	if !ok {
		return nil
	}
	_, err := in.Apply(proc, nil)
	return err
}

// isDeadlock reports whether v is the error the scheduler raises in
// goroutine 1 when every goroutine is blocked.
func isDeadlock(v value.Value) bool {
	e, ok := v.(*value.ErrorObject)
	return ok && e.Kind == "deadlock"
}

// preludeString returns the string value of a prelude variable, or "".
func preludeString(in *eval.Interp, name string) string {
	if v, ok := in.Lookup(name); ok {
		if s, ok := v.(*value.String); ok {
			return s.String()
		}
	}
	return ""
}
