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
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"time"

	"contigo/eval"
	"contigo/internal/lineedit"
	"contigo/prelude"
	"contigo/reader"
	"contigo/value"
)

// version is the contigo version shown by --version.
const version = "0.1.0"

func main() {
	os.Exit(withCPUProfile(func() int { return run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr) }, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "check" {
		return checkMain(args[1:], stdout, stderr) // check.go
	}
	c, code := parseFlags(args, stdout, stderr)
	if c == nil {
		return code
	}
	// Deep data (a 100000-level nested list) may be printed or compared
	// recursively; give the Go stack room so that cannot crash.
	debug.SetMaxStack(4 << 30)
	tuneGC()
	opts := eval.Options{
		Stdout: stdout, Stderr: stderr, Stdin: stdin, FlushLines: isTerminalOutput(stdout),
		MaxDepth:  c.maxDepth,
		Args:      append([]string{"contigo"}, c.rest...),
		MaxMemory: c.maxMemory << 20,
	}
	prelude.Load(&opts)
	if c.sandboxed {
		opts.Sandbox = sandboxFor(c.rest, c.allowRead)
	}
	switch {
	case len(c.rest) > 0 && c.rest[0] == "-":
		return runStdinProgram(c, opts, stdin, stdout, stderr)
	case c.exprSet:
		return runExpr(c, opts, stdout, stderr)
	case len(c.rest) > 0:
		return runFile(c, opts, stdout, stderr)
	case stdinIsTerminal(stdin):
		return runTerminal(c, opts, stdin, stdout, stderr)
	default:
		return runPipe(c, opts, stdin, stdout, stderr)
	}
}

// commandLine is what the flags and arguments of the command ask for.
type commandLine struct {
	expr       string // -e
	exprSet    bool   // whether -e was given
	maxDepth   int
	maxMemory  int64 // MB
	traceSched bool
	traceHTML  string
	limit      time.Duration // -timeout; 0 for none
	sandboxed  bool
	allowRead  dirList
	rest       []string // FILE and ARGS
}

// parseFlags reads the command line. It returns nil and the exit status
// when the command is done (-help, -version, a bad flag).
func parseFlags(args []string, stdout, stderr io.Writer) (*commandLine, int) {
	c := &commandLine{}
	fs := flag.NewFlagSet("contigo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.expr, "e", "", "evaluate `EXPR` and print the value of the last form")
	showVersion := fs.Bool("version", false, "print the version and exit")
	showHelp := fs.Bool("help", false, "print this help and exit")
	fs.IntVar(&c.maxDepth, "max-depth", eval.DefaultMaxDepth, "maximum continuation depth (frames) before a recursion error")
	fs.Int64Var(&c.maxMemory, "max-memory", 0, "memory limit in `MB` (0: half of the machine's memory, -1: none); past it the program ends with an out-of-memory error, exit status 3")
	fs.BoolVar(&c.traceSched, "trace-sched", false, "print scheduler events (spawn, block, wake, switch, preempt, cancel, exit) to stderr, one per line")
	fs.StringVar(&c.traceHTML, "trace-html", "", "write a timeline of the scheduler (one lane per goroutine) to the self-contained HTML `FILE` when the program ends")
	timeout := fs.Float64("timeout", 0, "stop the program after `SECONDS` of wall-clock time (goroutines included), with exit status 124")
	fs.BoolVar(&c.sandboxed, "sandbox", false, "run the program in a sandbox, for untrusted code: no file writes or deletes, no environment\nvariables, file reads only in the program's directory (or the -allow-read ones)")
	fs.Var(&c.allowRead, "allow-read", "with -sandbox, let the program read files under `DIR` instead of its own directory (repeatable)")
	fs.Usage = func() { usage(fs, stderr, stderr) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) { // -h
			return nil, 0
		}
		return nil, exitUsage
	}
	switch {
	case *showHelp:
		usage(fs, stdout, stderr)
		return nil, 0
	case *showVersion:
		fmt.Fprintf(stdout, "contigo %s\n", version)
		return nil, 0
	case *timeout < 0 || *timeout > 1e9 || *timeout != *timeout:
		fmt.Fprintf(stderr, "contigo: -timeout: expected a number of seconds between 0 and 1e9, got %v\n", *timeout)
		return nil, exitUsage
	case len(c.allowRead) > 0 && !c.sandboxed:
		fmt.Fprintf(stderr, "contigo: -allow-read needs -sandbox\n")
		return nil, exitUsage
	case c.traceHTML != "" && fs.NArg() == 0:
		fmt.Fprintln(stderr, "contigo: --trace-html needs a program: contigo --trace-html OUT.html FILE.scm")
		return nil, exitUsage
	}
	c.limit = time.Duration(*timeout * float64(time.Second))
	c.rest = fs.Args()
	fs.Visit(func(f *flag.Flag) { c.exprSet = c.exprSet || f.Name == "e" })
	return c, 0
}

// usage writes the command's help to w (fs writes to stderr otherwise).
func usage(fs *flag.FlagSet, w, stderr io.Writer) {
	fmt.Fprintf(w, "usage: contigo [flags] [FILE.scm [ARGS...]]\n       contigo [flags] - [ARGS...]\n       contigo check EXERCISE FILE.scm|DIR...   (contigo check -help)\n\n")
	fmt.Fprintf(w, "With no FILE, contigo starts a REPL. When stdin is not a terminal the REPL\nshows no prompts but prints each value and runs meta-commands, and its exit\nstatus is 1 if an error was reported. With FILE \"-\", contigo runs stdin\nsilently as a program.\n\nflags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(stderr)
	fmt.Fprintf(w, "\nenvironment:\n  CONTIGO_PATH\n    \tcolon-separated directories where (import (foo bar)) looks for foo/bar.sld\n    \tor foo/bar.scm, after the importing file's directory and before the\n    \tprogram's directory and the current directory\n")
	fmt.Fprintf(w, "  CONTIGO_TIME_SLICE\n    \tmicroseconds of elapsed time a goroutine runs before it is preempted, if\n    \tanother is runnable (default 1000, each slice varying at random by up to\n    \t500); a long one keeps the order in which goroutines print the same on a\n    \tloaded machine\n")
	fmt.Fprint(w, exitStatusHelp)
}

// runStdinProgram runs standard input silently as a program (contigo -).
func runStdinProgram(c *commandLine, opts eval.Options, stdin io.Reader, stdout, stderr io.Writer) int {
	opts.Args = append([]string{"-"}, c.rest[1:]...)
	count := &lineCounter{r: stdin}
	shared := bufio.NewReaderSize(count, stdinBuffer)
	opts.Stdin = shared
	in, code := newInterp(opts, stderr, c.traceSched)
	if in == nil {
		return code
	}
	defer interruptOnce(in)()
	lr := &plainReader{r: shared, count: count}
	s := &session{in: in, lr: lr, stdout: stdout, stderr: stderr, file: "<stdin>"}
	return s.run()
}

// runExpr evaluates the expressions of -e and prints the last value.
func runExpr(c *commandLine, opts eval.Options, stdout, stderr io.Writer) int {
	in, code := newInterp(opts, stderr, c.traceSched)
	if in == nil {
		return code
	}
	defer interruptOnce(in)()
	defer watchStops(in, c.limit, stderr)()
	return evalString(in, c.expr, "-e", true, stdout, stderr)
}

// runFile runs the program file c.rest[0].
func runFile(c *commandLine, opts eval.Options, stdout, stderr io.Writer) int {
	opts.Args = c.rest
	src, err := os.ReadFile(c.rest[0])
	if err != nil {
		fmt.Fprintf(stderr, "contigo: %v\n", err)
		return 1
	}
	in, code := newInterp(opts, stderr, c.traceSched)
	if in == nil {
		return code
	}
	defer interruptOnce(in)()
	defer watchStops(in, c.limit, stderr)()
	if c.traceHTML != "" {
		return runTraced(in, string(src), c.rest[0], c.traceHTML, stdout, stderr)
	}
	return evalString(in, string(src), c.rest[0], false, stdout, stderr)
}

// runTerminal runs the REPL on a terminal.
func runTerminal(c *commandLine, opts eval.Options, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &lineEnd{w: stdout}
	// What goroutines print while a line is edited appears above it
	// (live.go).
	held := &hold{}
	opts.Stdout, opts.Stderr = held.writer(out), held.writer(stderr)
	var shared *bufio.Reader
	if !lineedit.Supported() || !isCharDevice(stdout) {
		// No line editor: read lines plainly, sharing the buffered
		// stdin with the interpreter's input port.
		shared = bufio.NewReaderSize(stdin, stdinBuffer)
		opts.Stdin = shared
	}
	in, code := newInterp(opts, stderr, c.traceSched)
	if in == nil {
		return code
	}
	return repl(in, out, held, shared, stdout, stderr)
}

// runPipe runs the REPL without prompts, standard input not being a
// terminal (repl_pipe.go). Forms are read from stdin a line at a time,
// as they are needed, through the same buffered reader that the
// interpreter's current input port reads from: the program can read the
// lines that follow it, as in
//
//	(define name (read-line))
//	Alice
//	(display name)
//
// eval wraps opts.Stdin with bufio.NewReader, which returns a
// *bufio.Reader at least as big as it asks for unchanged; stdinBuffer is
// bigger than that, so both read one buffer. (TestStdinSharedWithProgram
// checks it.)
func runPipe(c *commandLine, opts eval.Options, stdin io.Reader, stdout, stderr io.Writer) int {
	count := &lineCounter{r: stdin}
	shared := bufio.NewReaderSize(count, stdinBuffer)
	opts.Stdin = shared
	out := &lineEnd{w: stdout}
	opts.Stdout = out
	in, code := newInterp(opts, stderr, c.traceSched)
	if in == nil {
		return code
	}
	defer watchStops(in, c.limit, stderr)()
	return pipeREPL(in, out, shared, count, stderr)
}

// stdinBuffer is the size of the buffer over standard input shared by the
// REPL or stdin reader and the interpreter's input port.
const stdinBuffer = 64 << 10

func newInterp(opts eval.Options, stderr io.Writer, traceSched bool) (*eval.Interp, int) {
	in, err := eval.New(opts)
	if err != nil {
		fmt.Fprintf(stderr, "contigo: start-up failed: %v\n", err)
		return nil, exitStartup
	}
	if traceSched {
		if err := prelude.TraceScheduler(in, true); err != nil {
			fmt.Fprintf(stderr, "contigo: --trace-sched: %v\n", err)
			return nil, exitStartup
		}
	}
	if v := os.Getenv("CONTIGO_TIME_SLICE"); v != "" {
		us, err := strconv.Atoi(v)
		if err == nil && us > 0 {
			err = prelude.SetTimeSlice(in, time.Duration(us)*time.Microsecond)
		} else {
			err = fmt.Errorf("want a positive number of microseconds, got %q", v)
		}
		if err != nil {
			fmt.Fprintf(stderr, "contigo: CONTIGO_TIME_SLICE: %v\n", err)
			return nil, exitStartup
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
	if err := prelude.ProgramEnd(in); err != nil {
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

// reportError prints an error with its backtrace (or, for a deadlock,
// what each goroutine waits for, as Go does) after flushing what the
// program printed, and returns the exit status it implies.
func reportError(in *eval.Interp, err error, stderr io.Writer) int {
	in.Flush()
	var exit *eval.ExitError
	var stop *stopError
	switch {
	case errors.As(err, &exit):
		if werr := in.WriteError(); werr != nil && exit.Code == 0 {
			fmt.Fprintf(stderr, "%v\n", werr)
			return exitError
		}
	case errors.As(err, &stop):
		fmt.Fprintf(stderr, "contigo: %s\n", stop.msg)
		return stop.code
	case errors.Is(err, eval.ErrInterrupted):
		fmt.Fprintln(stderr, "interrupted")
	default:
		rememberError(in, err) // for ,bt (repl_doc.go)
		fmt.Fprintln(stderr, paint(stderr, colorRed, err.Error()))
		fmt.Fprint(stderr, prelude.ErrorDetails(in, err))
	}
	return prelude.ExitStatus(err)
}
