// Package session runs the code of the course's web pages: the blocks of
// a chapter one after the other in one interpreter, as the course test
// (docs/course) runs them, and whole programs, as the contigo command
// runs a file; optionally recording the scheduler's events and drawing
// their timeline (internal/timeline). It is used by the WebAssembly build
// that runs in the reader's browser and by the site's build, which draws
// the chapters' timelines ahead of time; it does no I/O of its own.
package session

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"contigo/eval"
	"contigo/internal/timeline"
	"contigo/prelude"
	"contigo/reader"
)

// Session is one interpreter with the concurrency library.
type Session struct {
	in             *eval.Interp
	stdout, stderr io.Writer
}

// New starts an interpreter with the concurrency library, writing to
// stdout and stderr.
func New(stdout, stderr io.Writer) (*Session, error) {
	in, err := prelude.New(eval.Options{
		Stdout: stdout, Stderr: stderr, Stdin: strings.NewReader(""),
		Args: []string{"contigo"},
	})
	if err != nil {
		return nil, err
	}
	return &Session{in: in, stdout: stdout, stderr: stderr}, nil
}

// Interrupt stops the evaluation in progress (from another goroutine).
func (s *Session) Interrupt() { s.in.Interrupt() }

// Result is the outcome of a run.
type Result struct {
	// Status is 0, 1 after an uncaught error, 2 after a deadlock, 130
	// after an interrupt, or the code given to exit.
	Status int
	// Timeline is the drawing of the scheduler's events, if asked for.
	Timeline *timeline.Timeline
}

// RunBlock evaluates the forms of src, a block of a Markdown file whose
// first line is line line of file: positions in errors are the file's, as
// in the course test. An uncaught error is reported on stderr and ends
// the block.
func (s *Session) RunBlock(src, file string, line int, trace bool) Result {
	padded := strings.Repeat("\n", max(line-1, 0)) + src
	return s.run(padded, file, trace, false)
}

// RunProgram runs src as the program file, as contigo FILE does: the
// program ends with its main program (goroutine 1), as in Go.
func (s *Session) RunProgram(src, file string, trace bool) Result {
	return s.run(src, file, trace, true)
}

func (s *Session) run(src, file string, trace, program bool) (res Result) {
	s.in.ClearInterrupt()
	if trace {
		if err := prelude.RecordTrace(s.in, false); err == nil {
			prelude.RecordTrace(s.in, true)
		}
	}
	res.Status = s.eval(src, file, program)
	if trace {
		if tl, err := timeline.Read(s.in); err == nil {
			res.Timeline = tl
		}
		prelude.RecordTrace(s.in, false)
	}
	s.in.Flush()
	return res
}

// eval evaluates the forms of src and returns the exit status.
func (s *Session) eval(src, file string, program bool) int {
	r := reader.New(src, file)
	for {
		datum, err := r.Read()
		if err == io.EOF {
			break
		}
		if err == nil {
			_, err = s.in.EvalAt(datum, r.SourceMap(), r.Pos())
		}
		if err != nil {
			return s.report(err)
		}
	}
	if program {
		if err := prelude.ProgramEnd(s.in); err != nil {
			return s.report(err)
		}
	}
	return 0
}

// report prints an error as the contigo command does and returns the
// status it implies.
func (s *Session) report(err error) int {
	s.in.Flush()
	var exit *eval.ExitError
	switch {
	case errors.As(err, &exit):
	case errors.Is(err, eval.ErrInterrupted):
		fmt.Fprintln(s.stderr, "interrupted")
	default:
		fmt.Fprintf(s.stderr, "%v\n", err)
		fmt.Fprint(s.stderr, prelude.ErrorDetails(s.in, err))
	}
	return prelude.ExitStatus(err)
}
