package scheme

// This file defines the interpreter: its options, evaluation of source
// text, global definitions and calls from Go into Scheme.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"contigo/eval"
	"contigo/prelude"
	"contigo/reader"
	"contigo/value"
)

// Options configures an interpreter. The zero Options gives the
// interpreter of the contigo command: the standard ports of the process
// and the default limits.
type Options struct {
	// Stdin, Stdout and Stderr are the current input, output and error
	// ports (default: the process's). Output is buffered and flushed
	// before every call from Go returns.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// FlushLines flushes Stdout at every line break, as for a terminal
	// or a log that is read as it is written. (Stderr is never held.)
	FlushLines bool

	// Args is what (command-line) returns.
	Args []string

	// MaxDepth limits the depth of the continuation, in frames: a deeper
	// recursion is a Scheme error. 0 means eval.DefaultMaxDepth.
	MaxDepth int
	// MaxMemory is a memory limit in bytes past which the running
	// program gets an out-of-memory error. It is process-wide, as Go's
	// own memory limit is (debug.SetMemoryLimit), and the interpreter
	// made last sets it: 0 means half of the machine's memory, a
	// negative number no limit.
	MaxMemory int64
	// Timeout, if positive, limits the wall-clock time of each call from
	// Go (EvalString, EvalFile, Call, ...): past it, the evaluation
	// stops with an error that errors.Is matches with ErrTimeout.
	Timeout time.Duration

	// Sandbox restricts the program, for untrusted code: no file writes,
	// deletes or renames, no environment variables, and file reads only
	// under the AllowRead directories (none if empty). Each refusal is a
	// Scheme error the program can catch. (exit never ends the host
	// process, sandboxed or not: it ends the evaluation with an
	// *ExitError.)
	Sandbox   bool
	AllowRead []string

	// NoConcurrency leaves out the concurrency library (package prelude:
	// go, channels, select, nurseries, timers), for an interpreter that
	// starts faster and has no goroutines.
	NoConcurrency bool
}

// Interp is a Scheme interpreter: a global environment, ports and limits.
// It is not safe for concurrent use, except for Interrupt.
type Interp struct {
	ev      *eval.Interp
	timeout time.Duration
	// depth counts the calls from Go in progress: a Func may call back
	// into Scheme, and only the outermost call arms the timeout.
	depth int
	// goErr is the error object raised for the last failed Func, with
	// the Go error or panic behind it (errors.go).
	goErr goError
	// concurrent is set when the concurrency library is loaded.
	concurrent bool
	// wake is signalled by Interrupt and by the timeout, to end a Wait
	// that sleeps until the goroutines' next timer.
	wake chan struct{}
}

// New makes an interpreter with the standard library and, unless
// opts.NoConcurrency is set, the concurrency library loaded.
func New(opts Options) (*Interp, error) {
	eo := eval.Options{
		Stdin: opts.Stdin, Stdout: opts.Stdout, Stderr: opts.Stderr, FlushLines: opts.FlushLines,
		Args: opts.Args, MaxDepth: opts.MaxDepth, MaxMemory: opts.MaxMemory,
	}
	if opts.Sandbox {
		eo.Sandbox = &eval.Sandbox{ReadDirs: opts.AllowRead}
	} else if len(opts.AllowRead) > 0 {
		return nil, errors.New("scheme.New: AllowRead needs Sandbox")
	}
	if !opts.NoConcurrency {
		prelude.Load(&eo)
	}
	ev, err := eval.New(eo)
	if err != nil {
		return nil, err
	}
	return &Interp{ev: ev, timeout: opts.Timeout, concurrent: !opts.NoConcurrency, wake: make(chan struct{}, 1)}, nil
}

// EvalString evaluates the forms of src in order and returns the value of
// the last one (the unspecified value if there is none). Errors are
// positioned in a file called "<string>"; EvalSource names it.
func (in *Interp) EvalString(src string) (Value, error) { return in.EvalSource("<string>", src) }

// EvalFile reads the file at path and evaluates its forms as EvalSource
// does, with errors positioned in path.
func (in *Interp) EvalFile(path string) (Value, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return in.EvalSource(path, string(src))
}

// EvalSource evaluates the forms of src, read as the file name, and
// returns the value of the last one. The forms are read and evaluated one
// at a time, so a form can define the macros that the next one uses, and
// a syntax error stops the evaluation only when it is reached.
//
// The error is one of: a *SyntaxError (the text cannot be read); an
// *EvalError (an exception no handler caught: its message with file:line:col,
// the raised object and a backtrace), which may also wrap the Go error a
// Func returned or a *PanicError; a *DeadlockError (an EvalError: the
// main goroutine blocked where nothing can wake it); an *ExitError (the
// program called exit); ErrInterrupted or ErrTimeout (the evaluation was
// stopped from Go).
func (in *Interp) EvalSource(name, src string) (v Value, err error) {
	defer in.enter()(&err)
	r := reader.New(src, name)
	var last Value = value.Unspecified
	for {
		datum, err := r.Read()
		if err == io.EOF {
			return last, nil
		}
		if err != nil {
			return nil, err
		}
		last, err = in.ev.EvalAt(datum, r.SourceMap(), r.Pos())
		if err != nil {
			return nil, err
		}
	}
}

// Define binds the global variable name to x, converted by ValueOf.
func (in *Interp) Define(name string, x any) error {
	v, err := ValueOf(x)
	if err != nil {
		return fmt.Errorf("scheme: define %s: %w", name, err)
	}
	in.ev.Define(name, v)
	return nil
}

// Lookup returns the value of the global variable name, if it is bound.
func (in *Interp) Lookup(name string) (Value, bool) { return in.ev.Lookup(name) }

// Call calls a Scheme procedure from Go with args, each converted by
// ValueOf, and returns its result. fn is a procedure (a Value or a
// Procedure) or the name of a global variable bound to one. Its errors
// are EvalSource's. A continuation captured during the call cannot be
// resumed after it returns.
func (in *Interp) Call(fn any, args ...any) (v Value, err error) {
	var proc Value
	switch f := fn.(type) {
	case string:
		p, ok := in.ev.Lookup(f)
		if !ok {
			return nil, fmt.Errorf("scheme: call %s: unbound variable", f)
		}
		proc = p
	case Procedure:
		proc = f.v
	case *Procedure:
		proc = f.v
	default:
		proc = fn
	}
	vals := make([]Value, len(args))
	for i, a := range args {
		if vals[i], err = ValueOf(a); err != nil {
			return nil, fmt.Errorf("scheme: call: argument %d: %w", i+1, err)
		}
	}
	defer in.enter()(&err)
	return in.ev.Apply(proc, vals)
}

// Interrupt stops the evaluation in progress (or, if none is, the next
// one), which then returns an error that errors.Is matches with
// ErrInterrupted. It may be called from any goroutine. To stop when a
// context is done:
//
//	stop := context.AfterFunc(ctx, in.Interrupt)
//	defer stop()
func (in *Interp) Interrupt() { in.stop(errInterrupted) }

// stop stops the evaluation in progress, or the next one, with err, and
// wakes a Wait that sleeps.
func (in *Interp) stop(err error) {
	in.ev.Stop(err)
	select {
	case in.wake <- struct{}{}:
	default:
	}
}

// enter starts a call from Go into Scheme. It returns the function to
// defer, which ends it: it flushes the output ports, completes *err
// (errors.go) and disarms the timeout.
func (in *Interp) enter() func(*error) {
	in.depth++
	var timer *time.Timer
	var fired chan struct{}
	if in.depth == 1 && in.timeout > 0 {
		fired = make(chan struct{})
		timer = time.AfterFunc(in.timeout, func() {
			in.stop(ErrTimeout)
			close(fired)
		})
	}
	return func(err *error) {
		in.depth--
		if timer != nil && !timer.Stop() {
			// The time ran out. If it did as the evaluation ended,
			// too late for it to notice, the next one must not.
			<-fired
			in.ev.ClearInterrupt()
		}
		if in.depth == 0 && *err != nil && in.concurrent {
			// The evaluation may have stopped in a goroutine other
			// than the main one, or left the main one blocked: the
			// next one runs as the main goroutine again.
			prelude.RecoverMain(in.ev)
		}
		if ferr := in.ev.Flush(); ferr != nil && *err == nil {
			*err = in.ev.WriteError()
		}
		*err = in.wrapError(*err)
	}
}
