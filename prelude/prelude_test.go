package prelude_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"contigo/eval"
	"contigo/prelude"
	"contigo/reader"
	"contigo/value"
)

// newInterp makes an interpreter with the library, writing to out.
func newInterp(t *testing.T, out io.Writer) *eval.Interp {
	t.Helper()
	in, err := prelude.New(eval.Options{Stdout: out, Stderr: out, Stdin: strings.NewReader("")})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// evalAll evaluates the forms of src (file test.scm) and returns the
// first error.
func evalAll(in *eval.Interp, src string) error { return evalFile(in, src, "test.scm") }

// evalFile is evalAll for a file of another name.
func evalFile(in *eval.Interp, src, file string) error {
	r := reader.New(src, file)
	for {
		form, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err == nil {
			_, err = in.EvalAt(form, r.SourceMap(), r.Pos())
		}
		if err != nil {
			return err
		}
	}
}

func TestProgramEndDropsGoroutines(t *testing.T) {
	var out bytes.Buffer
	in := newInterp(t, &out)
	if err := evalAll(in, `(go (let loop () (loop))) (display "main done")`); err != nil {
		t.Fatal(err)
	}
	if err := prelude.ProgramEnd(in); err != nil {
		t.Fatal(err)
	}
	in.Flush()
	if got := out.String(); got != "main done" {
		t.Errorf("output %q, want %q", got, "main done")
	}
}

func TestDeadlock(t *testing.T) {
	var out bytes.Buffer
	in := newInterp(t, &out)
	err := evalAll(in, "(define c (make-chan))\n(recv c)\n")
	if !prelude.IsDeadlock(err) {
		t.Fatalf("error %v is not a deadlock", err)
	}
	report := prelude.DeadlockReport(in)
	if !strings.HasPrefix(report, "goroutine 1 [chan receive]:") {
		t.Errorf("deadlock report does not say where goroutine 1 waits:\n%s", report)
	}
	if prelude.IsDeadlock(evalAll(in, "(car 1)")) || prelude.IsDeadlock(nil) {
		t.Error("another error taken for a deadlock")
	}
}

// A program of the user's is never taken for the library, whatever its
// name: the report of a deadlock shows where its goroutines wait.
func TestUserFileNamedLikeTheLibrary(t *testing.T) {
	in := newInterp(t, io.Discard)
	src := "(define c (make-chan))\n(define (waiter) (recv c) 'done)\n(go (waiter))\n(recv c)\n"
	err := evalFile(in, src, prelude.File)
	if !prelude.IsDeadlock(err) {
		t.Fatalf("error %v is not a deadlock", err)
	}
	if report := prelude.DeadlockReport(in); !strings.Contains(report, "waiter at prelude.scm:2:") {
		t.Errorf("the report does not show where goroutine 2 waits:\n%s", report)
	}
}

func TestSettleAndGoroutines(t *testing.T) {
	var out bytes.Buffer
	in := newInterp(t, &out)
	if err := prelude.Interactive(in); err != nil {
		t.Fatal(err)
	}
	src := `(define c (make-chan))
(go (recv c))
(go (sleep 10000))
(go (display "ran"))`
	if err := evalAll(in, src); err != nil {
		t.Fatal(err)
	}
	wait, err := prelude.Settle(in, 200*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if wait <= 0 || wait > 10*time.Second {
		t.Errorf("Settle says work comes in %v, want the sleeper's 10s at most", wait)
	}
	in.Flush()
	if out.String() != "ran" {
		t.Errorf("the runnable goroutine printed %q", out.String())
	}
	gs, err := prelude.Goroutines(in)
	if err != nil {
		t.Fatal(err)
	}
	want := []prelude.Goroutine{{1, "running", ""}, {2, "blocked", "chan receive"}, {3, "blocked", "sleep"}}
	if diff := cmp.Diff(want, gs); diff != "" {
		t.Errorf("goroutines (-want +got):\n%s", diff)
	}
	if err := prelude.RecoverMain(in); err != nil {
		t.Fatal(err)
	}
	// Without a budget, until every goroutine is blocked or done.
	if err := evalAll(in, `(go (let loop ((i 0)) (if (< i 100000) (loop (+ i 1)) (display " counted"))))`); err != nil {
		t.Fatal(err)
	}
	if wait, err := prelude.Settle(in, 0); err != nil || wait <= 0 {
		t.Errorf("Settle(0): %v, %v", wait, err)
	}
	in.Flush()
	if out.String() != "ran counted" {
		t.Errorf("after Settle(0), the output is %q", out.String())
	}
}

func TestTraceEvents(t *testing.T) {
	in := newInterp(t, io.Discard)
	if _, _, err := prelude.TraceEvents(in); err == nil {
		t.Error("TraceEvents before RecordTrace: no error")
	}
	if err := prelude.RecordTrace(in, true); err != nil {
		t.Fatal(err)
	}
	if err := evalAll(in, "(define c (make-chan))\n(go (send c 1))\n(recv c)\n"); err != nil {
		t.Fatal(err)
	}
	events, leftOut, err := prelude.TraceEvents(in)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range events {
		kinds = append(kinds, value.DisplayString(e.(*value.Vector).Items[4]))
	}
	if len(kinds) == 0 || kinds[0] != "spawn" || leftOut != 0 {
		t.Errorf("events %v (%d left out), want a spawn first", kinds, leftOut)
	}
	if err := prelude.RecordTrace(in, false); err != nil {
		t.Fatal(err)
	}
}

func TestGoroutineIDProc(t *testing.T) {
	in := newInterp(t, io.Discard)
	id, err := prelude.GoroutineIDProc(in)
	if err != nil {
		t.Fatal(err)
	}
	in.Define("gid", id)
	if err := evalAll(in, "(define c (make-chan))\n(go (send c (gid)))\n(define ids (list (gid) (recv c)))\n"); err != nil {
		t.Fatal(err)
	}
	ids, _ := in.Lookup("ids")
	if got := value.WriteString(ids); got != "(1 2)" {
		t.Errorf("ids %s, want (1 2)", got)
	}
}

// Without the library, the hooks do nothing, or say it is not loaded.
func TestWithoutTheLibrary(t *testing.T) {
	in, err := eval.New(eval.Options{Stdout: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if prelude.Loaded(in) {
		t.Error("Loaded without the library")
	}
	for name, err := range map[string]error{
		"ProgramEnd": prelude.ProgramEnd(in), "Interactive": prelude.Interactive(in),
		"RecoverMain": prelude.RecoverMain(in),
	} {
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if wait, err := prelude.Settle(in, time.Millisecond); wait >= 0 || err != nil {
		t.Errorf("Settle: %v, %v", wait, err)
	}
	if _, err := prelude.Goroutines(in); !errors.Is(err, prelude.ErrNotLoaded) {
		t.Errorf("Goroutines: %v", err)
	}
	if err := prelude.TraceScheduler(in, true); !errors.Is(err, prelude.ErrNotLoaded) {
		t.Errorf("TraceScheduler: %v", err)
	}
	if id, err := prelude.GoroutineIDProc(in); err != nil || value.WriteString(mustApply(t, in, id)) != "1" {
		t.Errorf("GoroutineIDProc: %v", err)
	}
}

func mustApply(t *testing.T, in *eval.Interp, proc value.Value) value.Value {
	v, err := in.Apply(proc, nil)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A program whose main program returns while a goroutine still runs, as
// the contigo command runs it.
func Example() {
	in, err := prelude.New(eval.Options{Stdout: os.Stdout})
	if err != nil {
		panic(err)
	}
	src := `(define c (make-chan))
(go (send c "hello from a goroutine"))
(display (recv c))
(newline)`
	if err := evalAll(in, src); err != nil {
		fmt.Println(err)
	}
	err = prelude.ProgramEnd(in)
	if prelude.IsDeadlock(err) {
		fmt.Print(prelude.DeadlockReport(in))
	}
	in.Flush()
	// Output:
	// hello from a goroutine
}

func TestExitStatus(t *testing.T) {
	tests := []struct {
		src     string
		status  int
		details string // a regexp the details match
	}{
		{`(display "ok")`, 0, `^$`},
		{`(exit 7)`, 7, `^$`},
		{`(exit #f)`, 1, `^$`},
		{"(define c (make-chan))\n(recv c)", prelude.StatusDeadlock, `^\ngoroutine 1 \[chan receive\]:\n`},
		{`(car 1)`, prelude.StatusError, `^backtrace \(innermost first\):\n  <top level> at test.scm:1:1\n$`},
		{`(make-vector 100000000000000)`, prelude.StatusOutOfMemory, `^backtrace`},
	}
	for _, tc := range tests {
		in := newInterp(t, io.Discard)
		err := evalAll(in, tc.src)
		if err == nil {
			err = prelude.ProgramEnd(in)
		}
		if got := prelude.ExitStatus(err); got != tc.status {
			t.Errorf("%s: status %d, want %d (error %v)", tc.src, got, tc.status, err)
		}
		if got := prelude.ErrorDetails(in, err); !regexp.MustCompile(tc.details).MatchString(got) {
			t.Errorf("%s: details %q do not match %q", tc.src, got, tc.details)
		}
	}
	if got := prelude.ExitStatus(eval.ErrInterrupted); got != prelude.StatusInterrupted {
		t.Errorf("interrupted: status %d", got)
	}
}

// TestInterruptWhileLibraryLoops: Ctrl-C is put off while the scheduler
// is in its critical section, but not for ever: library code looping in
// the critical section still stops.
func TestInterruptWhileLibraryLoops(t *testing.T) {
	in := newInterp(t, io.Discard)
	go func() {
		time.Sleep(100 * time.Millisecond)
		in.Interrupt() // once, as one Ctrl-C
	}()
	start := time.Now()
	err := evalAll(in, `(set! %critical #t) (let loop () (loop))`)
	if !errors.Is(err, eval.ErrInterrupted) {
		t.Fatalf("got %v, want the interrupt", err)
	}
	if d := time.Since(start); d > 3*time.Second+maxDelaySlack {
		t.Errorf("stopped after %v", d)
	}
}

// maxDelaySlack is what a loaded machine may add to the 2 s bound.
const maxDelaySlack = 2 * time.Second

func TestLoadOnce(t *testing.T) {
	var opts eval.Options
	prelude.Load(&opts)
	prelude.Load(&opts)
	if len(opts.Library) != 1 || opts.Library[0].Name != prelude.File || opts.Library[0].Text != prelude.Source() {
		t.Errorf("Library after two Loads: %d sources", len(opts.Library))
	}
}

// A long time slice: a spinning goroutine is not preempted while another
// waits to run.
func TestSetTimeSlice(t *testing.T) {
	var out bytes.Buffer
	in := newInterp(t, &out)
	if err := prelude.SetTimeSlice(in, time.Hour); err != nil {
		t.Fatal(err)
	}
	src := `(define done (make-chan))
(go (let loop ((i 0)) (if (< i 300000) (loop (+ i 1)))) (display "a") (send done #t))
(go (display "b") (send done #t))
(recv done) (recv done)`
	if err := evalAll(in, src); err != nil {
		t.Fatal(err)
	}
	in.Flush()
	if out.String() != "ab" {
		t.Errorf("output %q, want the spinner to finish first: ab", out.String())
	}
	noLib, _ := eval.New(eval.Options{})
	if err := prelude.SetTimeSlice(noLib, time.Hour); !errors.Is(err, prelude.ErrNotLoaded) {
		t.Errorf("without the library: %v", err)
	}
}

// TestGoroutineListDropsEnded checks the singly linked list of
// goroutines: ended ones leave the listings (and goroutine-count) at
// once and the list itself before they outnumber the live ones, whatever
// order they end in.
func TestGoroutineListDropsEnded(t *testing.T) {
	var out bytes.Buffer
	in := newInterp(t, &out)
	src := `(define chans (make-vector 300))
(do ((i 0 (+ i 1))) ((= i 300))
  (let ((c (make-chan)))
    (vector-set! chans i c)
    (go (recv c))))
(define (list-length) ; the list, ended goroutines included
  (let loop ((g %main) (n 0)) (if g (loop (%goroutine-next g) (+ n 1)) n)))
(define (check what) ; in the critical section: no goroutine ends meanwhile
  (set! %critical #t)
  (let ((live (length (goroutines))))
    (if (not (= live (goroutine-count)))
        (error "goroutine-count disagrees with goroutines" what (goroutine-count) live))
    (if (> (list-length) (* 2 live))
        (error "too many ended goroutines in the list" what (list-length) live)))
  (set! %critical #f))
;; End every third goroutine, then most of the rest from the last.
(do ((i 0 (+ i 3))) ((>= i 300)) (send (vector-ref chans i) i) (check i))
(do ((i 299 (- i 1))) ((< i 10))
  (if (not (= 0 (modulo i 3))) (begin (send (vector-ref chans i) i) (check i))))
(yield)
(display (goroutines))`
	if err := evalAll(in, src); err != nil {
		t.Fatal(err)
	}
	in.Flush()
	want := "((1 running #f) (3 blocked chan receive) (4 blocked chan receive) (6 blocked chan receive) " +
		"(7 blocked chan receive) (9 blocked chan receive) (10 blocked chan receive))"
	if out.String() != want {
		t.Errorf("goroutines: %s\nwant %s", out.String(), want)
	}
}
