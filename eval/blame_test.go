package eval_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"contigo/eval"
	"contigo/prelude"
	"contigo/value"
)

// blameArgs are the operands the generated calls choose from: values of
// many types, procedures of several arities, and file names that cannot
// be written (a directory, a missing directory) so no call touches the
// file system.
func blameArgs(dir string) []string {
	return []string{"0", "-1", "7", "1.5", "'sym", "#\\a", "#t", "'()", "'(1 2 3)",
		"(vector 1 2)", "(make-chan)", "(make-hash-table)", "(lambda () 1)",
		"(lambda (x) (car x))", "(lambda (a b) (vector-ref a b))", "car",
		fmt.Sprintf("%q", dir), fmt.Sprintf("%q", dir+"/missing/file"), `"text"`,
		"(open-input-string \"abc\")", "(current-output-port)"}
}

// blameSkip are library procedures whose calls do not report errors of
// their own: exiting and waiting.
var blameSkip = map[string]bool{"exit": true, "emergency-exit": true, "sleep": true, "after": true}

// TestErrorsBlameTheUser generates calls of every library procedure with
// random operands, in tail and non-tail position, and checks that every
// error they raise is positioned in the program (never in a library file),
// as is every line of its backtrace. -short runs a sample.
func TestErrorsBlameTheUser(t *testing.T) {
	perProc := 24
	if testing.Short() {
		perProc = 3
	}
	newIn := func() *eval.Interp {
		in, err := prelude.New(eval.Options{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Stdin: strings.NewReader(""),
			MaxDepth: 20000})
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	in := newIn()
	procs := eval.LibraryProcedures(in)
	if len(procs) < 50 {
		t.Fatalf("only %d library procedures found", len(procs))
	}
	if testing.Short() {
		var sample []eval.LibraryProcedure
		for i := 0; i < len(procs); i += 5 {
			sample = append(sample, procs[i])
		}
		procs = sample
	}
	args := blameArgs(t.TempDir())
	rng := rand.New(rand.NewSource(8))
	var programs, errs, bad int
	for _, proc := range procs {
		name := proc.Name
		if blameSkip[name] {
			continue
		}
		// A fresh interpreter for each procedure: goroutines a call
		// left behind do not run into the next procedure's programs.
		in = newIn()
		for i := 0; i < perProc; i++ {
			var call strings.Builder
			call.WriteString("(" + name)
			// Mostly the right number of operands, of random types,
			// so the procedure runs and fails inside; sometimes not.
			n := proc.Params
			if proc.Rest {
				n += rng.Intn(3)
			}
			if rng.Intn(4) == 0 {
				n = rng.Intn(5)
			}
			for ; n > 0; n-- {
				call.WriteString(" " + args[rng.Intn(len(args))])
			}
			call.WriteString(")")
			var src string
			switch i % 3 {
			case 0: // top level, tail position of the form
				src = call.String()
			case 1: // operand: a frame of the caller is pending
				src = "(display (list 1 " + call.String() + "))"
			default: // tail position of a procedure called in tail position
				src = "(define (user-proc) " + call.String() + ")\n(user-proc)"
			}
			programs++
			e, ended := runBlameProgram(in, src)
			if ended {
				in = newIn() // its state may be half-way through anything
				continue
			}
			if e == nil {
				continue
			}
			errs++
			if os.Getenv("BLAMEDBG") != "" && errs%97 == 0 {
				t.Logf("%s => %v", src, e)
			}
			if where := libraryBlame(e); where != "" {
				bad++
				if bad <= 20 {
					t.Errorf("%s\n  %s", src, where)
				}
			}
		}
	}
	t.Logf("%d programs, %d errors, %d blamed on a library file or unpositioned", programs, errs, bad)
	if errs < programs/4 {
		t.Errorf("only %d of %d programs raised an error: the generator is not testing much", errs, programs)
	}
}

// runBlameProgram runs src (file gen.scm) on in, interrupting it after a
// while; it returns the error it ended with, or reports that it was
// interrupted or exited (a goroutine's uncaught error exits).
func runBlameProgram(in *eval.Interp, src string) (e *eval.Error, ended bool) {
	forms, srcmap, err := eval.ReadForms(src, "gen.scm")
	if err != nil {
		panic(err)
	}
	timer := time.AfterFunc(2*time.Second, func() { in.Interrupt() })
	defer func() { timer.Stop(); in.ClearInterrupt() }()
	for _, f := range forms {
		_, err := in.Eval(f, srcmap)
		var exit *eval.ExitError
		if err == eval.ErrInterrupted || errors.As(err, &exit) {
			return nil, true
		}
		if err != nil {
			e, _ := err.(*eval.Error)
			if e == nil {
				e = &eval.Error{Msg: err.Error()}
			}
			return e, false
		}
	}
	return nil, false
}

// libraryBlame describes what is wrong with e's positions, or is "".
func libraryBlame(e *eval.Error) string {
	inUser := func(p value.Pos) bool { return p.IsValid() && p.File != nil && *p.File == "gen.scm" }
	if !inUser(e.Pos) {
		return "error at " + e.Pos.String() + ": " + e.Msg
	}
	for _, f := range e.Stack {
		if !inUser(f.Pos) {
			return "backtrace line at " + f.Pos.String() + " for " + e.Error()
		}
	}
	return ""
}
