// Package scheme embeds contigo, a Scheme (R7RS small) with first-class
// continuations and, built on them, Go's goroutines and channels, in Go
// programs. It reads and evaluates Scheme source, converts values between
// Go and Scheme, lets Scheme call Go functions and Go call Scheme
// procedures, and runs the goroutines of a Scheme program.
//
// # Evaluating
//
// New makes an interpreter; EvalString evaluates the forms of a text and
// returns the value of the last one:
//
//	in, err := scheme.New(scheme.Options{})
//	...
//	v, err := in.EvalString(`(define (sq x) (* x x)) (sq 12)`)
//	n, err := scheme.ToGo(v) // int64(144)
//
// EvalFile evaluates a file and EvalSource a text under a file name of
// one's choosing, which errors are then positioned in. Definitions stay:
// the next evaluation sees them.
//
// # Values
//
// A Value is a Scheme value, represented as package value documents
// (value.Fixnum, *value.String, *value.Pair, ...). ValueOf makes one from
// a Go value and ToGo the reverse:
//
//	Go                          Scheme
//	int64 (any integer type)    exact integer
//	*big.Int, *big.Rat          exact integer, exact ratio
//	float64                     inexact real
//	complex128                  inexact complex
//	bool                        #t, #f
//	string                      string
//	Symbol                      symbol
//	Char                        character
//	[]byte                      bytevector
//	[]any (any slice)           list
//	Vector (any array)          vector
//	map[any]any (any map)       hash table (equal?)
//	nil                         the unspecified value
//
// Decode stores a Value in a Go variable of a given type, checking that
// it fits: an exact integer into an int8 only if it is in range, a list
// or vector of strings into a []string, a hash table or association list
// into a map[string]int.
//
// # Go functions
//
// A Func is a Go function Scheme can call. DefineFunc binds one to a
// global name; UnpackArgs checks and converts its arguments, and a
// parameter name ending in "?" is optional, one ending in "..." takes the
// rest of them:
//
//	in.DefineFunc("repeat", func(args []scheme.Value) (scheme.Value, error) {
//		var s string
//		n := 2
//		if err := scheme.UnpackArgs("repeat", args, "s", &s, "n?", &n); err != nil {
//			return nil, err
//		}
//		return strings.Repeat(s, n), nil
//	})
//
// The result may be any Go value ValueOf converts. A wrong argument is a
// Scheme error at the call, which the program can catch, in the words of
// the built-in procedures: "repeat: argument 2 (n): expected exact
// integer, got "x"". A Go error returned is raised the same way. A panic
// stops the evaluation with an internal error (see PanicError); it does
// not crash the process.
//
// # Calling Scheme
//
// Call calls a procedure, given as a value or by its global name, with Go
// arguments that ValueOf converts:
//
//	v, err := in.Call("sq", 7)
//
// A Func may call back into Scheme this way, for instance to call a
// procedure it was given (see Procedure).
//
// # Errors
//
// EvalString, EvalFile and Call return a *SyntaxError for text that
// cannot be read, an *EvalError for an exception no handler caught (its
// Error() starts with file:line:col; it holds the raised object and a
// backtrace), an *ExitError when the program called exit (which never
// ends the host process), or an error errors.Is matches with ErrTimeout
// or ErrInterrupted. Output is flushed before they return.
//
// # Limits
//
// Options sets the ports (an io.Reader and io.Writers), the recursion
// depth, the memory limit, a time limit per call (Timeout) and a sandbox
// for untrusted programs (no writes, no environment, reads only in the
// AllowRead directories). Interrupt stops an evaluation from another
// goroutine.
//
// # Goroutines
//
// Unless Options.NoConcurrency is set, the interpreter has contigo's
// concurrency library: go, channels, select, nurseries, timers, wait
// groups. The evaluations Go asks for run as the program's main
// goroutine, and the other goroutines run while it waits (a receive, a
// sleep) or when its time slice ends. When an evaluation returns, the
// goroutines it started are paused until the next one; Wait runs them
// until none can run. Run evaluates a program and ends it as the contigo
// command runs a file, with Go's rule: the program ends when its main
// goroutine does, and the goroutines still running are dropped. A main
// goroutine that blocks for ever is a *DeadlockError, and an uncaught
// error in another goroutine ends the program with an *ExitError, as a
// panic does in Go.
package scheme
