package scheme_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"contigo/scheme"
)

// Embedding contigo: a Go function called from Scheme, and the value of
// the last form back in Go.
func Example() {
	in, err := scheme.New(scheme.Options{})
	if err != nil {
		panic(err)
	}
	in.DefineFunc("shout", func(args []scheme.Value) (scheme.Value, error) {
		var s string
		err := scheme.UnpackArgs("shout", args, "s", &s)
		return strings.ToUpper(s) + "!", err
	})
	v, err := in.EvalString(`(map shout '("hello" "embedded" "scheme"))`)
	fmt.Println(scheme.WriteString(v), err)
	// Output: ("HELLO!" "EMBEDDED!" "SCHEME!") <nil>
}

func ExampleInterp_EvalString() {
	in, _ := scheme.New(scheme.Options{})
	v, err := in.EvalString(`
		(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
		(fact 30)`)
	if err != nil {
		panic(err)
	}
	n, _ := scheme.ToGo(v)
	fmt.Printf("%T %v\n", n, n)
	// Output: *big.Int 265252859812191058636308480000000
}

func ExampleInterp_EvalFile() {
	in, _ := scheme.New(scheme.Options{})
	v, err := in.EvalFile("testdata/fib.scm") // defines fib, check-positive; ends with (fib 10)
	fmt.Println(scheme.WriteString(v), err)
	_, err = in.Call("check-positive", -3)
	fmt.Println(err)
	// Output:
	// 55 <nil>
	// testdata/fib.scm:9:7: negative: -3
}

func ExampleInterp_DefineFunc() {
	in, _ := scheme.New(scheme.Options{})
	in.DefineFunc("repeat", func(args []scheme.Value) (scheme.Value, error) {
		var s string
		n := 2 // the default of the optional n
		if err := scheme.UnpackArgs("repeat", args, "s", &s, "n?", &n); err != nil {
			return nil, err
		}
		return strings.Repeat(s, n), nil
	})
	for _, src := range []string{
		`(repeat "ab")`,
		`(repeat "ab" 3)`,
		`(repeat "ab" "3")`,
		`(repeat)`,
		`(guard (e (#t (error-object-message e))) (repeat 'ab))`,
	} {
		v, err := in.EvalString(src)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(scheme.WriteString(v))
	}
	// Output:
	// "abab"
	// "ababab"
	// error: <string>:1:1: repeat: argument 2 (n): expected exact integer, got "3"
	// error: <string>:1:1: repeat: expected 1 to 2 arguments, got 0
	// "repeat: argument 1 (s): expected string, got ab"
}

// A parameter named with "..." takes the remaining arguments.
func ExampleUnpackArgs() {
	in, _ := scheme.New(scheme.Options{})
	in.DefineFunc("join", func(args []scheme.Value) (scheme.Value, error) {
		var sep string
		var words []string
		if err := scheme.UnpackArgs("join", args, "sep", &sep, "words...", &words); err != nil {
			return nil, err
		}
		return strings.Join(words, sep), nil
	})
	v, _ := in.EvalString(`(join ", " "go" "scheme" "lisp")`)
	fmt.Println(scheme.DisplayString(v))
	_, err := in.EvalString(`(join ", " "go" 'scheme)`)
	fmt.Println(err)
	// Output:
	// go, scheme, lisp
	// <string>:1:1: join: argument 3 (words): expected string, got scheme
}

func ExampleInterp_Call() {
	in, _ := scheme.New(scheme.Options{})
	in.EvalString(`(define (area w h) (* w h))`)
	v, err := in.Call("area", 3, 1.5)
	fmt.Println(scheme.WriteString(v), err)

	// A procedure value: here, one Scheme gives to a Go function.
	in.DefineFunc("twice", func(args []scheme.Value) (scheme.Value, error) {
		var f scheme.Procedure
		var x scheme.Value
		if err := scheme.UnpackArgs("twice", args, "f", &f, "x", &x); err != nil {
			return nil, err
		}
		y, err := in.Call(f, x)
		if err != nil {
			return nil, err
		}
		return in.Call(f, y)
	})
	v, err = in.EvalString(`(twice (lambda (s) (string-append s s)) "ab")`)
	fmt.Println(scheme.WriteString(v), err)
	// Output:
	// 4.5 <nil>
	// "abababab" <nil>
}

func ExampleValueOf() {
	for _, x := range []any{
		42,
		new(big.Int).Lsh(big.NewInt(1), 70),
		[]any{"a", scheme.Symbol("b"), 1.5, true},
		scheme.Vector{1, []int{2, 3}},
		[]byte("hi"),
	} {
		v, err := scheme.ValueOf(x)
		fmt.Println(scheme.WriteString(v), err)
	}
	in, _ := scheme.New(scheme.Options{})
	in.Define("ages", map[string]int{"ada": 36, "alan": 41})
	v, _ := in.EvalString(`(hash-table-ref ages "alan")`)
	fmt.Println(scheme.WriteString(v))
	// Output:
	// 42 <nil>
	// 1180591620717411303424 <nil>
	// ("a" b 1.5 #t) <nil>
	// #(1 (2 3)) <nil>
	// #u8(104 105) <nil>
	// 41
}

func ExampleToGo() {
	in, _ := scheme.New(scheme.Options{})
	v, _ := in.EvalString(`(list 1 "two" 'three 4.0 #(5) (/ 1 3))`)
	x, err := scheme.ToGo(v)
	if err != nil {
		panic(err)
	}
	for _, e := range x.([]any) {
		fmt.Printf("%T %v\n", e, e)
	}
	// Output:
	// int64 1
	// string two
	// scheme.Symbol three
	// float64 4
	// scheme.Vector [5]
	// *big.Rat 1/3
}

func ExampleDecode() {
	in, _ := scheme.New(scheme.Options{})
	v, _ := in.EvalString(`'(("evens" 0 2 4) ("odds" 1 3))`)
	var m map[string][]int
	err := scheme.Decode(v, &m)
	fmt.Println(m, err)

	var small int8
	v, _ = in.EvalString(`(expt 2 10)`)
	fmt.Println(scheme.Decode(v, &small))
	// Output:
	// map[evens:[0 2 4] odds:[1 3]] <nil>
	// expected exact integer from -128 to 127, got 1024
}

func ExampleEvalError() {
	in, _ := scheme.New(scheme.Options{})
	_, err := in.EvalString(`
(define (average xs) (/ (apply + xs) (length xs)))
(define (report xs) (display (average xs)))
(report '())`)
	var e *scheme.EvalError
	if errors.As(err, &e) {
		fmt.Println(e)
		fmt.Print(e.Backtrace())
	}
	// Output:
	// <string>:2:22: /: division by zero
	// backtrace (innermost first):
	//   average at <string>:2:22
	//   report at <string>:3:30
}

func ExamplePanicError() {
	in, _ := scheme.New(scheme.Options{})
	in.DefineFunc("first", func(args []scheme.Value) (scheme.Value, error) {
		var xs []int
		if err := scheme.UnpackArgs("first", args, "xs", &xs); err != nil {
			return nil, err
		}
		return xs[0], nil // a bug: panics on an empty list
	})
	_, err := in.EvalString(`(guard (e (#t 'never-caught)) (first '()))`)
	var p *scheme.PanicError
	fmt.Println(errors.As(err, &p), p.Func)
	fmt.Println(err)
	// Output:
	// true first
	// <string>:1:31: first: Go panic: runtime error: index out of range [0] with length 0
}

func ExampleOptions() {
	var out bytes.Buffer
	in, _ := scheme.New(scheme.Options{
		Stdin:  strings.NewReader("Ada\n"),
		Stdout: &out,
		Args:   []string{"greeter", "--loud"},
	})
	in.EvalString(`
(define name (read-line))
(display (string-append "hello " name))
(write (cdr (command-line)))`)
	fmt.Println(out.String())
	// Output: hello Ada("--loud")
}

func ExampleOptions_timeout() {
	in, _ := scheme.New(scheme.Options{Timeout: 100 * time.Millisecond})
	_, err := in.EvalString(`(let spin () (spin))`)
	fmt.Println(errors.Is(err, scheme.ErrTimeout))
	// Output: true
}

func ExampleOptions_sandbox() {
	in, _ := scheme.New(scheme.Options{Sandbox: true, AllowRead: []string{"testdata"}})
	_, err := in.EvalString(`(call-with-output-file "notes.txt" (lambda (p) (display "hi" p)))`)
	fmt.Println(err)
	v, err := in.EvalString(`(call-with-input-file "testdata/fib.scm" read-line)`)
	fmt.Println(scheme.WriteString(v), err)
	// Output:
	// <string>:1:1: sandbox: file writes are not allowed: open-output-file
	// ";; fib.scm: used by the examples and tests of package scheme." <nil>
}

// Interrupt stops an evaluation from another goroutine, here when a
// context is done.
func ExampleInterp_Interrupt() {
	in, _ := scheme.New(scheme.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	stop := context.AfterFunc(ctx, in.Interrupt)
	defer stop()
	_, err := in.EvalString(`(let spin () (spin))`)
	fmt.Println(err, errors.Is(err, scheme.ErrInterrupted))
	// Output: interrupted true
}

// Go's evaluations are the main goroutine; the goroutines it starts run
// while it waits on a channel.
func Example_goroutines() {
	in, _ := scheme.New(scheme.Options{})
	v, err := in.EvalString(`
(define results (make-chan))
(define (worker id) (send results (* id id)))
(for-each (lambda (id) (go (worker id))) '(1 2 3))
(let loop ((n 3) (sum 0))
  (if (= n 0) sum (loop (- n 1) (+ sum (recv results)))))`)
	fmt.Println(scheme.WriteString(v), err)
	// Output: 14 <nil>
}

func ExampleInterp_Wait() {
	in, _ := scheme.New(scheme.Options{})
	in.EvalString(`
(go (sleep 20) (display "tick\n"))
(go (display "started\n"))`)
	fmt.Println("evaluated")
	err := in.Wait() // runs both goroutines to their end
	fmt.Println("waited", err)
	// Output:
	// evaluated
	// started
	// tick
	// waited <nil>
}

// Run ends the program when its main goroutine ends, as Go does: the
// goroutine still asleep never prints.
func ExampleInterp_Run() {
	in, _ := scheme.New(scheme.Options{})
	err := in.Run("main.scm", `
(define done (make-chan))
(go (display "worker\n") (send done #t))
(go (sleep 1000) (display "never printed\n"))
(recv done)
(display "main returns\n")`)
	fmt.Println(err)
	// Output:
	// worker
	// main returns
	// <nil>
}

func ExampleDeadlockError() {
	in, _ := scheme.New(scheme.Options{})
	_, err := in.EvalString(`(define ch (make-chan))
(recv ch)`)
	var d *scheme.DeadlockError
	if errors.As(err, &d) {
		fmt.Println(err)
		fmt.Print(d.Report)
	}
	// Output:
	// <string>:2:1: all goroutines are asleep - deadlock!
	// goroutine 1 [chan receive]:
	//   <top level> at <string>:2:1
}

func ExampleInterp_EvalSource() {
	in, _ := scheme.New(scheme.Options{})
	_, err := in.EvalSource("config.scm", "(define port 8080)\n(define host (string-append \"local\" 'host))")
	fmt.Println(err)
	// Output: config.scm:2:14: string-append: expected string, got host
}

func ExampleInterp_Define() {
	in, _ := scheme.New(scheme.Options{})
	in.Define("limits", map[string]int{"cpu": 2, "memory": 512})
	in.Define("names", []string{"ada", "alan"})
	v, _ := in.EvalString(`(list (hash-table-ref limits "memory") (length names))`)
	fmt.Println(scheme.WriteString(v))
	// Output: (512 2)
}

// NewFunc makes a procedure without naming it globally, here to hand to
// a Scheme procedure.
func ExampleInterp_NewFunc() {
	in, _ := scheme.New(scheme.Options{})
	in.EvalString(`(define (apply-twice f x) (f (f x)))`)
	double := in.NewFunc("double", func(args []scheme.Value) (scheme.Value, error) {
		var n int
		err := scheme.UnpackArgs("double", args, "n", &n)
		return 2 * n, err
	})
	v, err := in.Call("apply-twice", double, 5)
	fmt.Println(scheme.WriteString(v), err)
	// Output: 20 <nil>
}

func ExampleInterp_RunFile() {
	in, _ := scheme.New(scheme.Options{})
	// Two goroutines and the main one in a pipeline over channels; a
	// fourth goroutine is still asleep when the main one ends.
	err := in.RunFile("testdata/pipeline.scm")
	fmt.Println(err)
	// Output:
	// 1
	// 4
	// 9
	// <nil>
}
