package main

// This file decides when the REPL and the command colour their output:
// error messages in red, prompts in green and headings in bold, on a terminal only, and
// never when the NO_COLOR environment variable is set (no-color.org) or
// TERM is "dumb".

import (
	"io"
	"os"
)

// SGR codes used.
const (
	colorRed  = "1;31" // error messages
	colorBold = "1"    // ,doc headings
	// colorPrompt is the prompts' colour: the line editor does not count
	// escape sequences in a prompt's width.
	colorPrompt = "1;32"
)

// colorEnabled reports whether text written to w may be coloured.
// lookupEnv is os.LookupEnv, replaceable in tests.
func colorEnabled(w io.Writer) bool {
	if _, set := lookupEnv("NO_COLOR"); set {
		return false
	}
	if term, _ := lookupEnv("TERM"); term == "dumb" {
		return false
	}
	if l, ok := w.(*lineEnd); ok {
		w = l.w
	}
	if forceColor != nil {
		return forceColor(w)
	}
	return isCharDevice(w)
}

var (
	lookupEnv = os.LookupEnv
	// forceColor, if set (by tests), replaces the terminal check.
	forceColor func(io.Writer) bool
)

// paint wraps s in the SGR code if w may be coloured.
func paint(w io.Writer, code, s string) string {
	if !colorEnabled(w) {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// paint colours s for the meta-command's standard output.
func (c *metaCtx) paint(code, s string) string { return paint(c.out, code, s) }
