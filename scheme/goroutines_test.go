package scheme

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestGoroutines checks that the main goroutine, Go's evaluations, and
// the goroutines it starts hand values over channels, and that the
// goroutines are paused between evaluations.
func TestGoroutines(t *testing.T) {
	var out bytes.Buffer
	in := newTest(t, Options{Stdout: &out})
	v := mustEval(t, in, `
(define ch (make-chan))
(go (let loop ((i 1)) (if (<= i 3) (begin (send ch (* i i)) (loop (+ i 1))))))
(list (recv ch) (recv ch))`)
	if got := WriteString(v); got != "(1 4)" {
		t.Errorf("got %s, want (1 4)", got)
	}
	// The sender is blocked on its third send until the next evaluation.
	if got := WriteString(mustEval(t, in, "(recv ch)")); got != "9" {
		t.Errorf("third value: got %s, want 9", got)
	}
	mustEval(t, in, `(go (display "ran"))`)
	if out.String() != "" {
		t.Errorf("a goroutine ran after its evaluation returned: %q", out.String())
	}
	if err := in.Wait(); err != nil {
		t.Fatal(err)
	}
	if out.String() != "ran" {
		t.Errorf("after Wait: %q, want ran", out.String())
	}
}

// TestWait checks that Wait runs the goroutines until none can run,
// sleeping ones included, and that Interrupt and Timeout stop it.
func TestWait(t *testing.T) {
	var out bytes.Buffer
	in := newTest(t, Options{Stdout: &out})
	mustEval(t, in, `
(define results (make-chan 10))
(go (sleep 30) (display "slow "))
(go (display "fast "))
(go (recv (make-chan)))  ; blocked for ever: Wait does not wait for it
`)
	if err := in.Wait(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("fast slow ", out.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	mustEval(t, in, `(go (sleep 60000) (display "too late"))`)
	time.AfterFunc(30*time.Millisecond, in.Interrupt)
	start := time.Now()
	if err := in.Wait(); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Interrupt during Wait: got %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Interrupt took %v to stop Wait", d)
	}

	in = newTest(t, Options{Timeout: 50 * time.Millisecond})
	mustEval(t, in, `(go (let spin () (spin)))`)
	if err := in.Wait(); !errors.Is(err, ErrTimeout) {
		t.Errorf("Timeout during Wait: got %v", err)
	}
	// The interpreter goes on, as the main goroutine.
	if got := WriteString(mustEval(t, in, "(+ 1 2)")); got != "3" {
		t.Errorf("after the timeout: got %s", got)
	}
}

// TestRun checks Go's semantics: the program ends when its main
// goroutine does, and the goroutines still running are dropped.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	in := newTest(t, Options{Stdout: &out})
	err := in.Run("main.scm", `
(define done (make-chan))
(go (display "worker ") (send done #t))
(go (sleep 50) (display "never printed"))
(recv done)
(display "main ends")`)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("worker main ends", out.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDeadlock checks that a main goroutine that can never be woken is
// a DeadlockError with Go's report.
func TestDeadlock(t *testing.T) {
	in := newTest(t, Options{})
	_, err := in.EvalString("(define ch (make-chan))\n(go (recv ch))\n(recv ch)")
	var de *DeadlockError
	if !errors.As(err, &de) {
		t.Fatalf("got %T %v, want a DeadlockError", err, err)
	}
	if !strings.Contains(err.Error(), "<string>:3:1:") || !strings.Contains(err.Error(), "deadlock") {
		t.Errorf("message %q, want a deadlock at <string>:3:1", err)
	}
	for _, want := range []string{"goroutine 1 [chan receive]", "goroutine 2 [chan receive]", "created by <top level> at <string>:2:1"} {
		if !strings.Contains(de.Report, want) {
			t.Errorf("report lacks %q:\n%s", want, de.Report)
		}
	}
	var ee *EvalError
	if !errors.As(err, &ee) {
		t.Error("errors.As finds no EvalError in a DeadlockError")
	}
	if got := WriteString(mustEval(t, in, "(+ 1 2)")); got != "3" {
		t.Errorf("after the deadlock: got %s", got)
	}
}

// TestGoroutineError checks that an uncaught error in a goroutine ends
// the program as a panic does in Go.
func TestGoroutineError(t *testing.T) {
	var errOut bytes.Buffer
	in := newTest(t, Options{Stderr: &errOut})
	err := in.Run("crash.scm", "(go (car '()))\n(sleep 100)\n(display \"not reached\")")
	var xe *ExitError
	if !errors.As(err, &xe) || xe.Code != 1 {
		t.Fatalf("got %T %v, want ExitError 1", err, err)
	}
	for _, want := range []string{"car: expected pair, got ()", "in goroutine 2"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
		}
	}
}

// TestErrorInGoroutineEvaluation checks that an evaluation stopped in
// another goroutine leaves the interpreter usable, as the main
// goroutine.
func TestErrorInGoroutineEvaluation(t *testing.T) {
	in := newTest(t, Options{Timeout: 100 * time.Millisecond})
	_, err := in.EvalString("(go (let spin () (spin)))\n(sleep 10000)")
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("got %v, want ErrTimeout", err)
	}
	v, err := in.EvalString("(define ch (make-chan)) (go (send ch 'ok)) (recv ch)")
	if err != nil || WriteString(v) != "ok" {
		t.Errorf("after the timeout: got %v, %v", v, err)
	}
}

// TestNoConcurrency checks the interpreter without the library.
func TestNoConcurrency(t *testing.T) {
	in := newTest(t, Options{NoConcurrency: true})
	if _, err := in.EvalString("(go 1)"); err == nil || !strings.Contains(err.Error(), "unbound variable: go") {
		t.Errorf("go without the library: got %v", err)
	}
	if err := in.Wait(); !errors.Is(err, ErrNoConcurrency) {
		t.Errorf("Wait: got %v", err)
	}
	if err := in.Run("x.scm", "(+ 1 2)"); err != nil {
		t.Errorf("Run: %v", err)
	}
}

// TestRunFile checks a program file with goroutines.
func TestRunFile(t *testing.T) {
	var out bytes.Buffer
	in := newTest(t, Options{Stdout: &out})
	if err := in.RunFile("testdata/pipeline.scm"); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("1\n4\n9\n", out.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if err := in.RunFile("testdata/missing.scm"); err == nil {
		t.Error("missing file: no error")
	}
}

// TestFuncInGoroutine checks Go functions called from goroutines: their
// errors are the goroutine's, and a panic stops the whole evaluation.
func TestFuncInGoroutine(t *testing.T) {
	var errOut bytes.Buffer
	in := newTest(t, Options{Stderr: &errOut})
	in.DefineFunc("half", func(args []Value) (Value, error) {
		var n int
		if err := UnpackArgs("half", args, "n", &n); err != nil {
			return nil, err
		}
		if n%2 != 0 {
			panic("odd")
		}
		return n / 2, nil
	})
	v := mustEval(t, in, `(define ch (make-chan)) (go (send ch (half 10))) (recv ch)`)
	if WriteString(v) != "5" {
		t.Errorf("got %s, want 5", WriteString(v))
	}
	v = mustEval(t, in, `(go (send ch (guard (e (#t 'caught)) (half "x")))) (recv ch)`)
	if WriteString(v) != "caught" {
		t.Errorf("an error in a goroutine's call: got %s, want caught", WriteString(v))
	}
	_, err := in.EvalString("(go (half 3))\n(sleep 100)")
	var pe *PanicError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "<string>:1:5: half: Go panic: odd") {
		t.Fatalf("got %v, want the PanicError of half", err)
	}
	v, err = in.EvalString(`(go (send ch 'again)) (recv ch)`)
	if err != nil || WriteString(v) != "again" {
		t.Errorf("after the panic: got %v, %v", v, err)
	}
}
