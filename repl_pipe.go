package main

// This file defines the REPL that runs when standard input is not a
// terminal, as Guile's, Racket's, Chez's and CHICKEN's do: each result
// is printed, meta-commands work and an error does not end the session,
// so that a REPL session can be scripted, tested and pasted into notes:
//
//	printf ',help\n(+ 1 2)\n' | contigo
//
// There are no prompts and no banner. `contigo -` runs standard input
// silently as a program instead.

import (
	"bufio"
	"io"

	"contigo/eval"
	"contigo/prelude"
)

// pipeREPL runs the REPL over the lines of shared, the buffered standard
// input that the interpreter's input port reads from too; count counts
// the line breaks read from below it, so that positions are those of the
// input. out is the interpreter's standard output. The exit status is
// the code given to exit, else 1 if an error was reported, else 0.
func pipeREPL(in *eval.Interp, out *lineEnd, shared *bufio.Reader, count *lineCounter, stderr io.Writer) int {
	defer interruptOnce(in)()
	s := &session{in: in, stdout: out, stderr: stderr, file: "<stdin>", interactive: true, out: out, batch: true}
	s.lr = &metaReader{lineReader: &plainReader{r: shared, count: count}, s: s}
	prelude.Interactive(in)
	code := s.run()
	if code == 0 && s.failed {
		code = 1
	}
	return code
}

// linesConsumed passes on the count of lines the wrapped reader took from
// its input, if it keeps one (session.run numbers lines by it).
func (r *metaReader) linesConsumed() (int, bool) {
	if lc, ok := r.lineReader.(interface{ linesConsumed() (int, bool) }); ok {
		return lc.linesConsumed()
	}
	return 0, false
}
