package scheme

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"contigo/eval"
	"contigo/value"
)

// TestEvalErrors checks what the errors of EvalString are and say.
func TestEvalErrors(t *testing.T) {
	in := newTest(t, Options{})
	mustEval(t, in, "(define (inner x) (car x))\n(define (outer x) (+ 1 (inner x)))")

	_, err := in.EvalString("(outer 5)")
	var ee *EvalError
	if !errors.As(err, &ee) {
		t.Fatalf("got %T %v, want an *EvalError", err, err)
	}
	if diff := cmp.Diff("<string>:1:19: car: expected pair, got 5", err.Error()); diff != "" {
		t.Errorf("message (-want +got):\n%s", diff)
	}
	bt := "backtrace (innermost first):\n  inner at <string>:1:19\n  outer at <string>:2:24\n"
	if diff := cmp.Diff(bt, ee.Backtrace()); diff != "" {
		t.Errorf("backtrace (-want +got):\n%s", diff)
	}
	if _, ok := ee.Payload.(*value.ErrorObject); !ok {
		t.Errorf("payload %T, want *value.ErrorObject", ee.Payload)
	}

	_, err = in.EvalString("(raise 'oops)")
	if !errors.As(err, &ee) || ee.Payload != value.Value(value.Intern("oops")) {
		t.Errorf("raise 'oops: got %v, want an EvalError with payload oops", err)
	}

	_, err = in.EvalString("(define x 1)\n(+ x))")
	var se *SyntaxError
	if !errors.As(err, &se) || se.Pos.Line != 2 {
		t.Errorf("got %T %v, want a SyntaxError on line 2", err, err)
	}
	if v, ok := in.Lookup("x"); !ok || v != value.Value(value.Int(1)) {
		t.Errorf("the form before the syntax error did not run: x = %v", v)
	}

	_, err = in.EvalString("(exit 7)")
	var xe *ExitError
	if !errors.As(err, &xe) || xe.Code != 7 {
		t.Errorf("got %T %v, want ExitError 7", err, err)
	}
	// The interpreter goes on after exit.
	if v := mustEval(t, in, "(+ 1 2)"); v != value.Value(value.Int(3)) {
		t.Errorf("after exit: got %s", WriteString(v))
	}
}

// TestGoErrors checks that a Func's Go error reaches Scheme as an error
// object and Go as the cause of the EvalError.
func TestGoErrors(t *testing.T) {
	in := newTest(t, Options{})
	in.DefineFunc("read-config", func(args []Value) (Value, error) {
		var path string
		if err := UnpackArgs("read-config", args, "path", &path); err != nil {
			return nil, err
		}
		_, err := os.ReadFile(path)
		return nil, err
	})
	_, err := in.EvalString(`(read-config "/no/such/file")`)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(err, fs.ErrNotExist) is false for %v", err)
	}
	var ee *EvalError
	if !errors.As(err, &ee) {
		t.Fatalf("got %T, want an EvalError", err)
	}
	want := "<string>:1:1: read-config: open /no/such/file: no such file or directory"
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Scheme catches it like any error.
	v := mustEval(t, in, `(guard (e ((error-object? e) 'caught)) (read-config "/no/such/file"))`)
	if WriteString(v) != "caught" {
		t.Errorf("guard: got %s", WriteString(v))
	}
}

// TestPanic checks that a panic in a Func stops the evaluation with an
// internal error that the program cannot catch, and the process goes on.
func TestPanic(t *testing.T) {
	in := newTest(t, Options{})
	in.DefineFunc("index", func(args []Value) (Value, error) {
		var xs []int
		var i int
		if err := UnpackArgs("index", args, "xs", &xs, "i", &i); err != nil {
			return nil, err
		}
		return xs[i], nil
	})
	_, err := in.EvalString("(define (f)\n  (guard (e (#t 'caught))\n    (index '(1 2) 5)))\n(f)")
	var pe *PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("got %T %v, want a PanicError", err, err)
	}
	if pe.Func != "index" || !strings.Contains(string(pe.Stack), "scheme.TestPanic") {
		t.Errorf("PanicError{Func: %q, Stack: %.200s...}, want index's and a stack through the test", pe.Func, pe.Stack)
	}
	want := "<string>:3:5: index: Go panic: runtime error: index out of range [5] with length 2"
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var ee *EvalError
	if !errors.As(err, &ee) || !strings.Contains(ee.Backtrace(), "f at <string>:3:5") {
		t.Errorf("want an EvalError with a backtrace through f, got %v", err)
	}
	if v := mustEval(t, in, "(index '(1 2) 1)"); WriteString(v) != "2" {
		t.Errorf("after the panic: got %s", WriteString(v))
	}
}

// TestFuncResult checks what a Func may return.
func TestFuncResult(t *testing.T) {
	in := newTest(t, Options{})
	in.DefineFunc("nothing", func([]Value) (Value, error) { return nil, nil })
	in.DefineFunc("chan", func([]Value) (Value, error) { return make(chan int), nil })
	in.DefineFunc("keep", func(args []Value) (Value, error) {
		// The slice is the Func's own: keeping it is safe.
		return Vector{args}, nil
	})
	if v := mustEval(t, in, "(nothing)"); v != value.Value(value.Unspecified) {
		t.Errorf("nil result: got %s, want the unspecified value", WriteString(v))
	}
	if v := mustEval(t, in, "(keep 1 2) (keep 3)"); WriteString(v) != "#((3))" {
		t.Errorf("got %s", WriteString(v))
	}
	_, err := in.EvalString("(guard (e (#t 'caught)) (chan))")
	if err == nil || !strings.Contains(err.Error(), "chan: result: cannot convert Go value of type chan int to Scheme") {
		t.Errorf("got %v, want an uncaught error about the result", err)
	}
}

// TestCall checks calls from Go into Scheme, also from inside a Func.
func TestCall(t *testing.T) {
	in := newTest(t, Options{})
	mustEval(t, in, "(define (add . xs) (apply + xs))")
	for _, fn := range []any{"add", mustEval(t, in, "add")} {
		v, err := in.Call(fn, 1, 2, big39())
		if err != nil {
			t.Fatal(err)
		}
		if got := WriteString(v); got != "1000000000000000000000000000000000000003" {
			t.Errorf("Call(%v): got %s", fn, got)
		}
	}
	if _, err := in.Call("no-such-proc"); err == nil || err.Error() != "scheme: call no-such-proc: unbound variable" {
		t.Errorf("unbound: got %v", err)
	}
	if _, err := in.Call("add", make(chan int)); err == nil || !strings.Contains(err.Error(), "argument 1") {
		t.Errorf("bad argument: got %v", err)
	}
	if _, err := in.Call("add", "x"); err == nil || !strings.Contains(err.Error(), `+: expected number, got "x"`) {
		t.Errorf("Scheme error: got %v", err)
	}

	// (sort-by less xs): a Func that calls a Scheme procedure.
	in.DefineFunc("sort-by", func(args []Value) (Value, error) {
		var less Procedure
		var xs []Value
		if err := UnpackArgs("sort-by", args, "less", &less, "xs", &xs); err != nil {
			return nil, err
		}
		var failed error
		sorted := append([]Value(nil), xs...)
		for i := 1; i < len(sorted) && failed == nil; i++ {
			for j := i; j > 0; j-- {
				r, err := in.Call(less, sorted[j], sorted[j-1])
				if err != nil {
					failed = err
					break
				}
				if !value.Truthy(r) {
					break
				}
				sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
			}
		}
		if failed != nil {
			return nil, failed
		}
		return sorted, nil
	})
	if v := mustEval(t, in, "(sort-by < '(3 1 2))"); WriteString(v) != "(1 2 3)" {
		t.Errorf("sort-by: got %s", WriteString(v))
	}
	// An error in the callback is the Scheme error it was, caught in
	// Scheme around the Func.
	v := mustEval(t, in, `(guard (e ((string? e) (string-append "caught " e))) (sort-by (lambda (a b) (raise "up")) '(1 2)))`)
	if WriteString(v) != `"caught up"` {
		t.Errorf("error in a callback: got %s", WriteString(v))
	}
	// exit in the callback ends the whole evaluation.
	_, err := in.EvalString(`(sort-by (lambda (a b) (exit 3)) '(1 2)) (display "not reached")`)
	var xe *ExitError
	if !errors.As(err, &xe) || xe.Code != 3 {
		t.Errorf("exit in a callback: got %T %v", err, err)
	}
}

func big39() any {
	v, _ := ValueOf(bigInt("1000000000000000000000000000000000000000"))
	return v
}

// TestPorts checks the Stdin, Stdout and Stderr options, and that output
// is flushed when a call returns.
func TestPorts(t *testing.T) {
	var out, errOut bytes.Buffer
	in := newTest(t, Options{Stdin: strings.NewReader("Ada\n(1 2)"), Stdout: &out, Stderr: &errOut})
	mustEval(t, in, `(define name (read-line)) (define data (read))`)
	mustEval(t, in, `(display (string-append "hello " name)) (write data) (display "oops" (current-error-port))`)
	if out.String() != "hello Ada(1 2)" || errOut.String() != "oops" {
		t.Errorf("stdout %q, stderr %q", out.String(), errOut.String())
	}
}

// TestLimits checks MaxDepth, Timeout and Interrupt.
func TestLimits(t *testing.T) {
	in := newTest(t, Options{MaxDepth: 1000})
	_, err := in.EvalString("(define (deep n) (if (= n 0) 0 (+ 1 (deep (- n 1)))))\n(deep 5000)")
	if err == nil || !strings.Contains(err.Error(), "maximum recursion depth exceeded (1000 frames)") {
		t.Errorf("MaxDepth: got %v", err)
	}
	if v := mustEval(t, in, "(deep 500)"); WriteString(v) != "500" {
		t.Errorf("under MaxDepth: got %s", WriteString(v))
	}

	in = newTest(t, Options{Timeout: 50 * time.Millisecond})
	start := time.Now()
	_, err = in.EvalString("(guard (e (#t 'caught)) (let loop () (loop)))")
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("Timeout: got %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Timeout took %v", d)
	}
	// The next call has its own time.
	if v := mustEval(t, in, "(+ 1 1)"); WriteString(v) != "2" {
		t.Errorf("after a timeout: got %s", WriteString(v))
	}

	in = newTest(t, Options{})
	go func() {
		time.Sleep(20 * time.Millisecond)
		in.Interrupt()
	}()
	if _, err = in.EvalString("(let loop () (loop))"); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Interrupt: got %v, want ErrInterrupted", err)
	}
}

// TestTimeoutInCallback checks that a time limit reached inside a Func's
// call back into Scheme stops the whole evaluation: the program cannot
// catch it around the Func.
func TestTimeoutInCallback(t *testing.T) {
	in := newTest(t, Options{Timeout: 50 * time.Millisecond})
	in.DefineFunc("call", func(args []Value) (Value, error) { return in.Call(args[0]) })
	_, err := in.EvalString("(guard (e (#t 'caught)) (call (lambda () (let loop () (loop)))))")
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("got %v, want ErrTimeout", err)
	}
}

// TestSandbox checks the Sandbox and AllowRead options.
func TestSandbox(t *testing.T) {
	dir := t.TempDir()
	allowed := filepath.Join(dir, "data.txt")
	if err := os.WriteFile(allowed, []byte("42"), 0o644); err != nil {
		t.Fatal(err)
	}
	in := newTest(t, Options{Sandbox: true, AllowRead: []string{dir}})
	in.Define("allowed", allowed)
	if v := mustEval(t, in, "(call-with-input-file allowed read)"); WriteString(v) != "42" {
		t.Errorf("allowed read: got %s", WriteString(v))
	}
	for src, want := range map[string]string{
		`(open-input-file "/etc/passwd")`:                   "sandbox: file reads outside the allowed directories are not allowed",
		`(open-output-file (string-append allowed ".out"))`: "sandbox: file writes are not allowed: open-output-file",
		`(get-environment-variable "HOME")`:                 "sandbox: environment variables are not allowed",
	} {
		if _, err := in.EvalString(src); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", src, err, want)
		}
	}
	if _, err := New(Options{AllowRead: []string{dir}}); err == nil {
		t.Error("AllowRead without Sandbox: no error")
	}
}

// TestEvalFile checks that EvalFile positions errors in the file.
func TestEvalFile(t *testing.T) {
	in := newTest(t, Options{})
	v, err := in.EvalFile("testdata/fib.scm")
	if err != nil || WriteString(v) != "55" {
		t.Fatalf("got %v, %v", v, err)
	}
	_, err = in.Call("check-positive", -1)
	if err == nil || err.Error() != "testdata/fib.scm:9:7: negative: -1" {
		t.Errorf("got %v", err)
	}
	if _, err := in.EvalFile("testdata/missing.scm"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: got %v", err)
	}
}

// TestFlushLines checks that output is held until the call returns,
// unless FlushLines lets each line out as it is written.
func TestFlushLines(t *testing.T) {
	for _, flush := range []bool{false, true} {
		var out bytes.Buffer
		in := newTest(t, Options{Stdout: &out, FlushLines: flush})
		var seen string
		in.DefineFunc("peek", func([]Value) (Value, error) {
			seen = out.String()
			return nil, nil
		})
		mustEval(t, in, `(display "line\n") (display "part") (peek)`)
		want := ""
		if flush {
			want = "line\n"
		}
		if seen != want || out.String() != "line\npart" {
			t.Errorf("FlushLines %v: seen %q during the call, want %q; %q after it", flush, seen, want, out.String())
		}
	}
}

// TestMaxMemory checks that MaxMemory makes a too-big allocation an
// out-of-memory error.
func TestMaxMemory(t *testing.T) {
	in := newTest(t, Options{MaxMemory: 64 << 20})
	t.Cleanup(func() { eval.SetMaxMemory(0) }) // the limit is process-wide
	_, err := in.EvalString("(define v (make-vector 100000000 0))")
	var ee *EvalError
	if !errors.As(err, &ee) || !strings.Contains(err.Error(), "out of memory") || !strings.Contains(err.Error(), "limit 64 MB") {
		t.Fatalf("got %v, want an out-of-memory error", err)
	}
	if obj, ok := ee.Payload.(*value.ErrorObject); !ok || obj.Kind != "out-of-memory" {
		t.Errorf("payload %v, want an error object of kind out-of-memory", ee.Payload)
	}
}

// TestBlockingInCallback: a Go function's call back into Scheme cannot
// switch goroutines (its continuation ends in Go): a blocking operation
// there is a catchable error at the user's call, yield does nothing, and
// the goroutines go on normally afterwards, as before the callback.
func TestBlockingInCallback(t *testing.T) {
	in := newTest(t, Options{Timeout: 10 * time.Second})
	in.DefineFunc("call", func(args []Value) (Value, error) {
		return in.Call(args[0])
	})
	tests := []struct{ name, src, want string }{
		{"recv", `(define ch (make-chan))
			(guard (e ((error-object? e) (error-object-message e)))
			  (call (lambda () (recv ch))))`,
			`"cannot block (chan receive) in a call from Go back into Scheme"`},
		{"sleep", `(guard (e ((error-object? e) (error-object-message e)))
			  (call (lambda () (sleep 10))))`,
			`"cannot block (sleep) in a call from Go back into Scheme"`},
		{"in a goroutine", `(define out (make-chan 1))
			(go (send out (guard (e ((error-object? e) 'refused))
			                (call (lambda () (recv ch))))))
			(recv out)`, `refused`},
		{"yield", `(call (lambda () (yield) 'yielded))`, `yielded`},
		// The channel's dead waiter does not take a value meant for a
		// live receiver, and sleeping works again.
		{"afterwards", `(go (send ch 'sent)) (sleep 1) (recv ch)`, `sent`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := in.EvalString(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if got := WriteString(v); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
