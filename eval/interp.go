package eval

import (
	"bufio"
	_ "embed"
	"errors"
	"io"
	"os"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"contigo/cont"
	"contigo/reader"
	"contigo/value"
)

//go:embed core.scm
var coreScm string

//go:embed srfi.scm
var srfiScm string

//go:embed inline.scm
var inlineScm string

// The images of the built-in library (image.go), made by go generate.
var (
	//go:embed core.img
	coreImg string
	//go:embed srfi.img
	srfiImg string
	//go:embed inline.img
	inlineImg string
)

// builtinLibrary is the library every interpreter loads first.
var builtinLibrary = []Source{
	{Name: "core.scm", Text: coreScm, Image: coreImg},
	{Name: "srfi.scm", Text: srfiScm, Image: srfiImg},
	{Name: "inline.scm", Text: inlineScm, Image: inlineImg},
}

// DefaultMaxDepth is the default limit on continuation frames. A frame
// plus its environment record is about 120 bytes, so a runaway recursion
// stops at about 500 MB, while (count 1000000) needs only a quarter of it.
const DefaultMaxDepth = 4_000_000

// Options configures an interpreter.
type Options struct {
	Stdout io.Writer // default os.Stdout; buffered by the interpreter
	Stderr io.Writer // default os.Stderr
	Stdin  io.Reader // default os.Stdin
	// FlushLines flushes Stdout at every line break written to it, as
	// for a terminal. (Stderr is never held: it is written at once,
	// after flushing Stdout, so both keep the program's order.)
	FlushLines bool
	// Sandbox, if set, restricts what the program may do (sandbox.go).
	Sandbox *Sandbox
	// MaxDepth limits the continuation's depth (0: DefaultMaxDepth).
	MaxDepth int
	// Library lists Scheme sources loaded, in order, after the built-in
	// library (package prelude adds the concurrency library). They are
	// library files, never blamed for errors: an error raised inside
	// them is positioned at the user's call that led to it, and
	// backtraces, the deadlock report and the scheduler trace leave
	// their frames out (blame.go).
	Library []Source
	// Args is what (command-line) returns.
	Args []string
	// MaxMemory is the memory limit in bytes, enforced for the whole
	// process (see SetMaxMemory): 0 for DefaultMaxMemory, negative for
	// none. Past it, the running program gets an out-of-memory error.
	MaxMemory int64
}

// Source is Scheme source text and the file name its positions carry,
// and optionally its image, which loads faster: what loading the text
// reads and expands, recorded by BuildImages. An image made for other
// sources (or for other sources loaded before this one) is ignored.
type Source struct{ Name, Text, Image string }

// Interp is a Scheme interpreter: a global environment and the ports.
// It is not safe for concurrent use, except Interrupt.
type Interp struct {
	globals     map[*value.Symbol]*Global
	maxDepth    int
	interrupted int32
	// loadingLib is set while the library loads; lazy lists the bodies
	// of its procedures not compiled yet (lazy.go).
	loadingLib bool
	lazy       []*lazyBody
	// libKey is the key of the library sources loaded so far, which
	// their images must match; images, if set, records the images of
	// the sources as they load (image.go).
	libKey     uint64
	images     *imageRecording
	recording  *expansionRecord // the body whose expansions are recorded
	fromImages int              // how many sources loaded from their images
	// pending are the library's definitions that its images deferred,
	// by the name they define (globalOf).
	pending    map[*value.Symbol]*deferred
	deferred   []*deferred           // the same, in the order of the library
	stopReason atomic.Pointer[error] // what Stop gave
	args       []string

	stdout, stderr *Port
	stdin          *Port
	rootDyn        *cont.Dynamic
	curOut, curErr *Parameter
	curIn          *Parameter

	// lib is the registry of R7RS libraries (library.go).
	lib *libSystem

	// m is the machine of the evaluation in progress, if any.
	m *Machine
	// inlineOps are the built-in primitives whose calls on immediate
	// operands are inlined (InlineCall).
	inlineOps map[*value.Primitive]inlineOp
	// timer and timerHandler carry the timer interrupt's state from one
	// top-level form to the next.
	timer        int
	timerHandler value.Value
	deadline     int64 // the time slice's deadline (Machine.deadline)
	// interruptHandler is called on Ctrl-C in a top-level run.
	interruptHandler value.Value
	// poke makes the running machine tick at its next step; sliceTimer
	// sets it when the time slice's deadline passes.
	poke       atomic.Int32
	sliceTimer *time.Timer
	// private holds the parameter values goroutines set (Parameter.set).
	private privateParams
	// frames recycles continuation frames no continuation can reach.
	frames cont.Pool[Code]
	// envs recycles the environment records of local procedures.
	envs cont.EnvPool
	// general compiles without the evaluator's fast paths (general.go).
	general bool
	// topPos is the position of the top-level form EvalAt runs (for
	// %trace-where, trace.go).
	topPos value.Pos
	// sandbox restricts the program, if set (sandbox.go).
	sandbox *sandbox
}

// ErrInterrupted is returned when Interrupt stopped an evaluation.
var ErrInterrupted = errors.New("interrupted")

// ExitError is returned when the program called exit.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return "exit" }

// exitSignal unwinds the Go stack of a nested run when exit is called.
type exitSignal struct{ code int }

// New makes an interpreter with the standard library and opts.Library
// loaded.
func New(opts Options) (*Interp, error) { return newInterp(opts, false) }

// newInterp is New, in general-path mode if general (general.go).
func newInterp(opts Options, general bool) (*Interp, error) { return makeInterp(opts, general, nil) }

// makeInterp is newInterp, recording the images of the library's sources
// into *images if images is not nil (BuildImages).
func makeInterp(opts Options, general bool, images *imageRecording) (*Interp, error) {
	// (The library defines about a thousand globals.)
	in := &Interp{globals: make(map[*value.Symbol]*Global, 1280), maxDepth: opts.MaxDepth, args: opts.Args, general: general}
	if in.maxDepth <= 0 {
		in.maxDepth = DefaultMaxDepth
	}
	SetMaxMemory(opts.MaxMemory)
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	in.stdout = newOutputPort(opts.Stdout, "stdout")
	in.stderr = newOutputPort(opts.Stderr, "stderr")
	in.stdout.lineFlush = opts.FlushLines
	in.stderr.eager, in.stderr.before = true, in.stdout
	in.stdin = newInputPort(bufio.NewReader(opts.Stdin), "stdin")
	in.curOut = &Parameter{value: in.stdout}
	in.curErr = &Parameter{value: in.stderr}
	in.curIn = &Parameter{value: in.stdin}
	in.rootDyn = &cont.Dynamic{Wind: cont.NewRootWind()}
	in.installBuiltins()
	in.inlineOps = builtinInlineOps(in)
	in.installR7RS()
	in.images = images
	for _, lib := range builtinLibrary {
		if err := in.loadLibrary(lib); err != nil {
			return nil, err
		}
	}
	for _, lib := range opts.Library {
		if err := in.loadLibrary(lib); err != nil {
			return nil, err
		}
	}
	if opts.Sandbox != nil {
		in.sandbox = newSandbox(opts.Sandbox)
	}
	return in, nil
}

// global returns the cell for name, creating it unbound.
func (in *Interp) global(name *value.Symbol) *Global {
	g, ok := in.globalOf(name)
	if !ok {
		g = &Global{Name: name}
		if isSpecialName(name) {
			g.watch = in
		}
		in.globals[name] = g
	}
	return g
}

// Define binds a global variable.
func (in *Interp) Define(name string, v value.Value) {
	in.global(value.Intern(name)).set(v)
}

// Lookup returns the value of a global variable.
func (in *Interp) Lookup(name string) (value.Value, bool) {
	g, ok := in.globalOf(value.Intern(name))
	if !ok || g.Value == nil {
		return nil, false
	}
	return g.Value, true
}

// Load reads and evaluates every form of src in order.
func (in *Interp) Load(src, file string) error { return in.load(src, file, nil) }

// load is Load, calling first with the position of the first form read.
func (in *Interp) load(src, file string, first func(value.Pos)) error {
	r := reader.New(src, file)
	for {
		datum, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if first != nil {
			first(r.Pos())
			first = nil
		}
		if _, err := in.EvalAt(datum, r.SourceMap(), r.Pos()); err != nil {
			return err
		}
	}
}

// Eval compiles and runs one top-level form. src gives the positions of
// the form's pairs (may be nil).
func (in *Interp) Eval(datum value.Value, src value.SourceMap) (v value.Value, err error) {
	return in.EvalAt(datum, src, value.Pos{})
}

// EvalAt is Eval for a form read at pos, which positions errors in forms
// that are not pairs (a bare variable reference) when src cannot.
func (in *Interp) EvalAt(datum value.Value, src value.SourceMap, pos value.Pos) (v value.Value, err error) {
	node, err := in.compileTop(datum, src, pos)
	if err != nil {
		return nil, err
	}
	if !pos.IsValid() {
		if p, ok := datum.(*value.Pair); ok {
			pos = src[p]
		}
	}
	in.topPos = pos
	return in.run(node, nil, nil)
}

// run executes node (or applies proc to args when node is nil) on a new
// machine at the bottom of a fresh continuation.
func (in *Interp) run(node Node, proc value.Value, args []value.Value) (v value.Value, err error) {
	m := &Machine{in: in, dyn: in.rootDyn, depthLimit: in.maxDepth, entryDepth: -1, deferredSince: -1, poke: &in.poke}
	if in.m == nil {
		// The timer outlives a top-level form; nested runs (macro
		// expansion) are never interrupted by it.
		m.timer, m.timerHandler, m.deadline = in.timer, in.timerHandler, in.deadline
		m.interruptHandler = in.interruptHandler
		defer func() {
			left := 0
			if m.timer > 0 {
				left = max(m.timerLeft(), 1) // 0 would turn it off
			}
			in.timer, in.timerHandler, in.deadline = left, m.timerHandler, m.deadline
		}()
	}
	if in.m != nil {
		// A nested run (macro expansion while compiling inside a
		// running evaluation) keeps the parameters, but not the
		// handlers: its continuation is separate, so a handler's escape
		// could not return to its own continuation. An error in it comes
		// back to the compiler, which raises it in the outer run, where
		// the handlers catch it properly.
		m.dyn = in.m.dyn.WithHandlers(nil)
		m.thread = in.m.thread
	}
	m.k = cont.Push[Code](nil, haltCode{}, nil, nil, 0)
	outer := in.m
	m.nested = outer != nil
	in.m = m
	defer func() {
		in.m = outer
		if r := recover(); r != nil {
			if e, ok := r.(*exitSignal); ok {
				if outer != nil {
					panic(r)
				}
				v, err = nil, &ExitError{Code: e.code}
				return
			}
			panic(r)
		}
	}()
	if node != nil {
		m.node = node
	} else {
		m.node = nil
		m.reserve(0)
		func() {
			defer func() {
				if r := recover(); r != nil {
					m.recovered(r)
				}
			}()
			m.apply(proc, args, nil)
		}()
		if m.halted {
			// proc failed at once with no handler to catch it; run
			// would reset the machine and lose the error.
			return m.result, m.err
		}
	}
	return m.run()
}

// Apply calls a Scheme procedure from Go and returns its result. It runs
// a nested machine: continuations captured inside cannot escape it.
func (in *Interp) Apply(proc value.Value, args []value.Value) (value.Value, error) {
	in.topPos = value.Pos{} // no top-level form runs
	return in.run(nil, proc, args)
}

// Interrupt asks the running evaluation to stop at its next poll. It may
// be called from another goroutine (a signal handler).
func (in *Interp) Interrupt() { in.Stop(ErrInterrupted) }

// Stop is Interrupt with the error the evaluation then returns instead of
// ErrInterrupted (a time limit, a signal). The program cannot catch it.
func (in *Interp) Stop(err error) {
	in.stopReason.Store(&err)
	atomic.StoreInt32(&in.interrupted, 1)
	in.poke.Store(1)
}

// interruptError is the error of the last Stop.
func (in *Interp) interruptError() error {
	if p := in.stopReason.Load(); p != nil {
		return *p
	}
	return ErrInterrupted
}

// StopPending returns the error of a Stop or Interrupt that no
// evaluation has noticed yet (it came as the program ended), or nil.
func (in *Interp) StopPending() error {
	if atomic.LoadInt32(&in.interrupted) == 0 {
		return nil
	}
	return in.interruptError()
}

// WriteValue writes v as write does, giving up (false) when Interrupt is
// called meanwhile, so that showing a huge result answers Ctrl-C; the
// interrupt is then used up.
func (in *Interp) WriteValue(w io.Writer, v value.Value) bool {
	if value.PrintStop(w, v, value.ModeWrite, &in.interrupted) {
		return true
	}
	in.ClearInterrupt()
	return false
}

// ClearInterrupt forgets an interrupt that arrived while nothing ran.
func (in *Interp) ClearInterrupt() { atomic.StoreInt32(&in.interrupted, 0) }

// Flush writes out buffered output on the standard ports.
func (in *Interp) Flush() error {
	err := in.stdout.flush()
	if e := in.stderr.flush(); err == nil {
		err = e
	}
	return err
}

// Completions returns the bound global names that start with prefix,
// sorted, for REPL tab completion.
func (in *Interp) Completions(prefix string) []string {
	var out []string
	for sym, g := range in.allGlobals() {
		if (g.Value != nil || g.Macro != nil) && strings.HasPrefix(sym.Name, prefix) && !strings.HasPrefix(sym.Name, "%") && sym.Interned() {
			out = append(out, sym.Name)
		}
	}
	for name := range specialForms {
		if strings.HasPrefix(name.Name, prefix) {
			out = append(out, name.Name)
		}
	}
	sort.Strings(out)
	return out
}
