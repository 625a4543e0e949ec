package main

// This file stops a running program from outside: on SIGTERM or SIGHUP
// (a CI timeout, a teacher's `timeout 10`, a closed terminal) and when the
// time limit of --timeout is up. (The first SIGINT is interruptOnce's.)
// The evaluation stops at its next poll with a stopError, which the
// program cannot catch; main then flushes what the program printed,
// reports the reason in one line and exits with the status of the reason.
// A program blocked where it does not poll (waiting in a system call) is
// given stopGrace to stop; then its output is flushed from here and the
// process exits all the same.

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"contigo/eval"
)

// Exit statuses of the contigo command (see exitStatusHelp), besides a
// program's own (prelude.ExitStatus).
const (
	exitError   = 1   // an uncaught error, a write error
	exitUsage   = 2   // bad command-line flags (2 is a deadlock's too)
	exitStartup = 70  // the interpreter failed to start
	exitTimeout = 124 // --timeout
)

// exitStatusHelp documents the exit statuses in --help.
const exitStatusHelp = `
exit status:
  0    the program ran to the end (or called (exit) / (exit 0) / (exit #t))
  1    an uncaught error, (exit #f), a write error (a full disk)
  2    deadlock: every goroutine blocked (as Go); also bad command-line flags
  3    out of memory: past --max-memory (or the default limit)
  N    (exit N)
  70   contigo itself failed to start
  124  --timeout: the time limit was exceeded
  129, 130, 143
       stopped by SIGHUP, SIGINT (Ctrl-C) or SIGTERM (128 + the signal)
`

// stopGrace is how long a program may take to notice a stop before the
// process exits without it.
const stopGrace = 2 * time.Second

// stopError is why a program was stopped from outside, and the exit
// status that says so.
type stopError struct {
	msg  string
	code int
}

func (e *stopError) Error() string { return e.msg }

// watchStops arranges for SIGTERM, SIGHUP and, if timeout > 0, the end of
// that much wall-clock time to stop in. The returned function undoes it.
func watchStops(in *eval.Interp, timeout time.Duration, stderr io.Writer) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP)
	var expired <-chan time.Time
	var timer *time.Timer
	if timeout > 0 {
		timer = time.NewTimer(timeout)
		expired = timer.C
	}
	done := make(chan struct{})
	go func() {
		var why *stopError
		select {
		case s := <-sigs:
			n := int(s.(syscall.Signal))
			why = &stopError{msg: "terminated by " + signalName(s), code: 128 + n}
		case <-expired:
			why = &stopError{msg: fmt.Sprintf("time limit exceeded (%v)", timeout), code: exitTimeout}
		case <-done:
			return
		}
		in.Stop(why)
		select {
		case <-done:
		case <-time.After(stopGrace):
			// Stuck in a system call: the main goroutine is not
			// writing, so flushing here keeps the output.
			in.Flush()
			fmt.Fprintf(stderr, "contigo: %s\n", why.msg)
			os.Exit(why.code)
		}
	}()
	return func() {
		signal.Stop(sigs)
		if timer != nil {
			timer.Stop()
		}
		close(done)
	}
}

func signalName(s os.Signal) string {
	switch s {
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	}
	return s.String()
}

// isTerminalOutput reports whether w is a terminal, where output is
// flushed line by line so progress shows as it is printed: a character
// device other than /dev/null (which benchmarks write to).
func isTerminalOutput(w io.Writer) bool {
	if !isCharDevice(w) {
		return false
	}
	st, err := w.(*os.File).Stat()
	null, nerr := os.Stat(os.DevNull)
	return err == nil && (nerr != nil || !os.SameFile(st, null))
}

// dirList is a repeatable flag's list of directories.
type dirList []string

func (d *dirList) String() string     { return strings.Join(*d, ",") }
func (d *dirList) Set(s string) error { *d = append(*d, s); return nil }

// sandboxFor is the sandbox of -sandbox: the program may read files in
// the -allow-read directories, or if there are none, in its own
// directory (none for -e or standard input).
func sandboxFor(args []string, allowRead []string) *eval.Sandbox {
	dirs := allowRead
	if len(dirs) == 0 && len(args) > 0 {
		dirs = []string{filepath.Dir(args[0])}
	}
	return &eval.Sandbox{ReadDirs: dirs}
}
