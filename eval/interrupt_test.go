package eval

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"contigo/value"
)

// TestInterruptLatency checks that long work inside primitives answers
// an interrupt: the flag is set 50 ms into the evaluation, and the
// evaluation must stop with ErrInterrupted well within the bound (a
// bound for a loaded machine, not a speed claim).
func TestInterruptLatency(t *testing.T) {
	const bound = 2 * time.Second
	tests := []struct{ name, setup, src string }{
		{"write a long list", `(define l (iota 3000000))`, `(let loop () (write l) (loop))`},
		{"display a deep list", `(define l (let loop ((i 0) (x '())) (if (= i 3000000) x (loop (+ i 1) (list x)))))`,
			`(let loop () (display l) (loop))`},
		{"write-shared of a long list", `(define l (iota 3000000))`, `(let loop () (write-shared l) (loop))`},
		{"display a huge bignum", `(define n (expt 3 10000000))`, `(display n)`},
		{"number->string of a huge bignum", `(define n (expt 3 10000000))`, `(number->string n)`},
		{"a primitive in a tight loop", ``, `(let loop ((i 0)) (string-length "abc") (loop (+ i 1)))`},
		{"a slow macro expanding for ever", `(define-macro (f x) (let loop ((i 0)) (if (< i 100000) (loop (+ i 1)))) (list 'f x))`, `(f 1)`},
		{"os-sleep for 317 years", ``, `(os-sleep 1e13)`},
		{"equal? of deep lists", `(define (nest n) (let loop ((i 0) (x '())) (if (= i n) x (loop (+ i 1) (list x)))))
(define a (nest 3000000)) (define b (nest 3000000))`, `(let loop () (equal? a b) (loop))`},
		{"os-sleep past time.Duration", ``, `(os-sleep (expt 10 30))`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && strings.Contains(tc.name, "huge bignum") {
				t.Skip("builds a 4.8-million-digit number (about 2 s), which big.Int takes 5 s to print")
			}
			if testing.Short() && strings.Contains(tc.name, "deep list") {
				t.Skip("builds lists nested 3,000,000 deep (seconds); runs without -short")
			}
			in, err := New(Options{Stdout: io.Discard})
			if err != nil {
				t.Fatal(err)
			}
			evalSrc := func(src string) error {
				forms, srcmap, err := ReadForms(src, "test")
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range forms {
					if _, err := in.Eval(f, srcmap); err != nil {
						return err
					}
				}
				return nil
			}
			if err := evalSrc(tc.setup); err != nil {
				t.Fatal(err)
			}
			defer value.WaitConversions() // a printer's abandoned goroutine
			start := time.Now()
			timer := time.AfterFunc(50*time.Millisecond, in.Interrupt)
			defer timer.Stop()
			err = evalSrc(tc.src)
			took := time.Since(start)
			if !errors.Is(err, ErrInterrupted) {
				t.Fatalf("got error %v, want %v", err, ErrInterrupted)
			}
			if took > bound {
				t.Errorf("stopped %v after the start, want within %v", took, bound)
			}
		})
	}
}

// TestWriteValueInterrupt checks that WriteValue, which the REPL shows
// results with, stops when interrupted and uses the interrupt up.
func TestWriteValueInterrupt(t *testing.T) {
	in, err := New(Options{Stdout: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	v, err := in.Eval(value.List(value.Intern("iota"), value.Int(3_000_000)), nil)
	if err != nil {
		t.Fatal(err)
	}
	var short strings.Builder
	if !in.WriteValue(&short, value.List(value.Int(1), value.Int(2))) || short.String() != "(1 2)" {
		t.Errorf("WriteValue of (1 2) wrote %q", short.String())
	}
	in.Interrupt()
	var out strings.Builder
	if in.WriteValue(&out, v) {
		t.Error("WriteValue finished printing after an interrupt")
	}
	if out.Len() > 1<<20 {
		t.Errorf("WriteValue wrote %d bytes after the interrupt", out.Len())
	}
	if !in.WriteValue(&out, value.Int(1)) {
		t.Error("the interrupt was not used up")
	}
}

// TestInterruptOverdueCountsCPUTime: the bound on putting off Ctrl-C
// counts the process's CPU time from the first deferral, so a process
// that waits for a processor inside a critical section (a loaded
// machine) is not halted for it, while one that computes there is.
func TestInterruptOverdueCountsCPUTime(t *testing.T) {
	var cpu time.Duration
	saved := cpuClock
	cpuClock = func() time.Duration { return cpu }
	defer func() { cpuClock = saved }()

	m := &Machine{deferredSince: -1}
	steps := []struct {
		cpu  time.Duration
		want bool
	}{
		{cpu: 10 * time.Second, want: false}, // the first deferral starts the count
		{cpu: 11 * time.Second, want: false},
		{cpu: 12 * time.Second, want: false},
		{cpu: 12*time.Second + time.Millisecond, want: true},
	}
	for i, st := range steps {
		cpu = st.cpu
		if got := m.interruptOverdue(); got != st.want {
			t.Errorf("step %d (CPU %v): overdue %v, want %v", i, st.cpu, got, st.want)
		}
	}
	if processCPU() <= 0 {
		t.Errorf("processCPU() = %v after this test's work", processCPU())
	}
}
