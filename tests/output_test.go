package tests

// This file checks that what a program prints is never lost or reordered:
// when it is stopped by a signal or a time limit, when stdout and stderr
// share one pipe, and when stdout cannot be written (a full disk).

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// writeProgram writes src to a file in a new directory and returns its
// path.
func writeProgram(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "prog.scm")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// exitStatus returns the exit status of a finished command.
func exitStatus(t *testing.T, err error) int {
	t.Helper()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// TestSignalKeepsOutput sends SIGTERM and SIGHUP to a program that is
// looping, or waiting for input, after it printed (and before it
// flushed): what it printed is kept, one line says why it stopped, and
// the status is 128 + the signal.
func TestSignalKeepsOutput(t *testing.T) {
	t.Parallel()
	loop := "(display \"line 1\\n\")\n(display \"ready\\n\" (current-error-port))\n(display \"line 2\\n\")\n(let loop ((i 0)) (loop (+ i 1)))\n"
	read := "(display \"line 1\\n\")\n(display \"ready\\n\" (current-error-port))\n(display \"line 2\\n\")\n(os-sleep 60000)\n"
	tests := []struct {
		name, src string
		sig       syscall.Signal
		status    int
		stderr    string
	}{
		{"SIGTERM while looping", loop, syscall.SIGTERM, 143, "ready\ncontigo: terminated by SIGTERM\n"},
		{"SIGHUP while looping", loop, syscall.SIGHUP, 129, "ready\ncontigo: terminated by SIGHUP\n"},
		{"SIGTERM while blocked in a system call", read, syscall.SIGTERM, 143, "ready\ncontigo: terminated by SIGTERM\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(contigo, writeProgram(t, tc.src))
			var stdout bytes.Buffer
			cmd.Stdout = &stdout
			errPipe, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// A program that ignores the signal must not outlive the
			// test: it is killed after 20 s (the test then fails).
			killer := time.AfterFunc(20*time.Second, func() { cmd.Process.Kill() })
			defer killer.Stop()
			// Wait until the program is past its first lines.
			r := bufio.NewReader(errPipe)
			first, err := r.ReadString('\n')
			if err != nil {
				t.Fatalf("reading stderr: %v (got %q)", err, first)
			}
			time.Sleep(50 * time.Millisecond)
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			var rest bytes.Buffer
			rest.ReadFrom(r)
			status := exitStatus(t, cmd.Wait())
			got := struct {
				Stdout, Stderr string
				Status         int
			}{stdout.String(), first + rest.String(), status}
			want := struct {
				Stdout, Stderr string
				Status         int
			}{"line 1\nline 2\n", tc.stderr, tc.status}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestOutputOrder checks that stdout and stderr sent to one pipe keep the
// order in which the program wrote them, up to and including the
// uncaught error's report.
func TestOutputOrder(t *testing.T) {
	t.Parallel()
	prog := writeProgram(t, `(display "out 1\n")
(display "err 1\n" (current-error-port))
(display "out 2 ")
(write 'no-newline (current-error-port))
(newline (current-error-port))
(display "out 3\n")
(car '())
`)
	cmd := exec.Command(contigo, prog)
	var both bytes.Buffer
	cmd.Stdout, cmd.Stderr = &both, &both
	status := exitStatus(t, cmd.Run())
	want := "out 1\nerr 1\nout 2 no-newline\nout 3\n" + prog + ":7:1: car: expected pair, got ()\n"
	if got := both.String(); !strings.HasPrefix(got, want) || status != 1 {
		t.Errorf("status %d, output:\n%s\nwant status 1 and output starting with:\n%s", status, got, want)
	}
}

// TestWriteErrorReported runs programs whose stdout is /dev/full: the
// failed write is an error with a message, status 1, not a silent exit.
func TestWriteErrorReported(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	tests := []struct{ name, src, stderr string }{
		{"a line", "(display \"hello\")\n(newline)\n", "prog.scm:2:1: newline: write error on stdout: no space left on device\n"},
		{"no line end", "(display \"hello\")\n", "contigo: write error on stdout: no space left on device\n"},
		{"an endless loop ends", "(let loop () (write 'x) (newline) (loop))\n", "prog.scm:1:25: newline: write error on stdout: no space left on device\n"},
		{"exit 0", "(display \"x\")\n(exit 0)\n", "contigo: write error on stdout: no space left on device\n"},
		{"caught as a file error", "(guard (e ((file-error? e) (display \"caught\\n\" (current-error-port)))) (display \"x\") (newline))\n", "caught\ncontigo: write error on stdout: no space left on device\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer full.Close()
			prog := writeProgram(t, tc.src)
			cmd := exec.Command(contigo, "prog.scm")
			cmd.Dir = filepath.Dir(prog)
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = full, &stderr
			status := exitStatus(t, cmd.Run())
			got := stderr.String()
			if i := strings.Index(got, "backtrace"); i >= 0 {
				got = got[:i]
			}
			if status != 1 || got != tc.stderr {
				t.Errorf("status %d, stderr %q; want status 1, stderr %q", status, got, tc.stderr)
			}
		})
	}
}

// TestTimeout checks --timeout: the whole program, goroutines included,
// is stopped after that much wall-clock time with status 124, one line on
// stderr, and its earlier output kept.
func TestTimeout(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src string }{
		{"a loop", "(display \"before\\n\")\n(let loop () (loop))\n"},
		{"goroutines", "(display \"before\\n\")\n(define ch (make-chan))\n(go (let loop () (yield) (loop)))\n(recv ch)\n"},
		{"a guard cannot catch it", "(display \"before\\n\")\n(guard (e (#t (display \"caught\\n\"))) (let loop () (loop)))\n"},
		{"sleeping", "(display \"before\\n\")\n(sleep 60000)\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(contigo, "--timeout", "0.3", writeProgram(t, tc.src))
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			status := exitStatus(t, cmd.Run())
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("took %v", took)
			}
			if status != 124 || stdout.String() != "before\n" || stderr.String() != "contigo: time limit exceeded (300ms)\n" {
				t.Errorf("status %d, stdout %q, stderr %q", status, stdout.String(), stderr.String())
			}
		})
	}
}
