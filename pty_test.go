//go:build linux

package main

// This file drives the real contigo REPL through a pseudo-terminal, as a
// user at a terminal would: goroutines run while the line editor waits,
// their output is held until the line is entered, a spinning goroutine
// does not keep the prompt away, and Ctrl-C stops the foreground
// evaluation only.

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"contigo/internal/testbin"
)

// ptyForChild opens a pseudo-terminal pair for a child process: the
// master, and the slave's path.
func ptyForChild(t *testing.T) (*os.File, string) {
	t.Helper()
	m, slave, err := openPTY() // repl_pty_test.go
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	name := slave.Name()
	slave.Close()
	return m, name
}

// terminal is a running contigo REPL on a pseudo-terminal.
type terminal struct {
	t      *testing.T
	master *os.File
	mu     sync.Mutex
	out    bytes.Buffer
	cmd    *exec.Cmd
}

func startTerminal(t *testing.T) *terminal {
	bin, cleanup, err := testbin.Build(".", "contigo-pty-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cleanup)
	master, slavePath := ptyForChild(t)
	slave, err := os.OpenFile(slavePath, os.O_RDWR, 0)
	if err != nil {
		t.Skipf("open %s: %v", slavePath, err)
	}
	cmd := exec.Command(bin)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.Env = append(os.Environ(), "TERM=xterm", "HOME="+t.TempDir())
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	term := &terminal{t: t, master: master, cmd: cmd}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		master.Close()
	})
	term.waitFor(regexp.MustCompile(`contigo> $`), "the first prompt")
	return term
}

// output returns everything the terminal showed so far.
func (term *terminal) output() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.out.String()
}

// waitFor waits until the output (since the last mark) matches re.
func (term *terminal) waitFor(re *regexp.Regexp, what string) string {
	term.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if out := term.output(); re.MatchString(out) {
			return out
		}
		time.Sleep(10 * time.Millisecond)
	}
	term.t.Fatalf("waiting for %s (%s); the terminal shows:\n%q", what, re, term.output())
	return ""
}

// enter types line and Return, and waits for the next prompt.
func (term *terminal) enter(line string) string {
	term.t.Helper()
	before := len(term.output())
	term.master.Write([]byte(line + "\r"))
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		out := term.output()
		if len(out) > before && strings.HasSuffix(out, "contigo> ") && strings.Contains(out[before:], "\n") {
			return out[before:]
		}
		time.Sleep(10 * time.Millisecond)
	}
	term.t.Fatalf("no prompt after %q; the terminal shows:\n%q", line, term.output())
	return ""
}

func TestPTYLiveREPL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and drives the binary")
	}
	term := startTerminal(t)

	// A ticker started at the prompt keeps ticking while nothing is
	// typed.
	term.enter("(define ticks 0)")
	term.enter("(define tk (make-ticker 10))")
	term.enter("(define g (go (let loop () (recv (ticker-chan tk)) (set! ticks (+ ticks 1)) (loop))))")
	time.Sleep(300 * time.Millisecond)
	if out := term.enter("(> ticks 10)"); !strings.Contains(out, "#t") {
		t.Errorf("the ticker did not tick while the prompt waited: %q", out)
	}
	term.enter("(ticker-stop! tk)")

	// Output printed while the line is edited is held until Return.
	term.enter(`(go (sleep 50) (display "from-the-goroutine") (newline))`)
	time.Sleep(300 * time.Millisecond)
	term.master.Write([]byte("'typ"))
	time.Sleep(100 * time.Millisecond)
	shown := term.output()
	if editing := shown[strings.LastIndex(shown, "'typ"):]; strings.Contains(editing, "from-the-goroutine") {
		t.Errorf("goroutine output was printed over the line being edited: %q", editing)
	}
	out := term.enter("ed")
	if i, j := strings.Index(out, "from-the-goroutine"), strings.LastIndex(out, "typed"); i < 0 || j < i {
		t.Errorf("after Return: %q; want the held output, then the result", out)
	}

	// A spinning goroutine does not keep the prompt away.
	term.enter("(define spinner (go (let loop () (loop))))")
	if out := term.enter("'still-here"); !strings.Contains(out, "still-here") {
		t.Errorf("%q", out)
	}

	// Ctrl-C stops the evaluation in the foreground, not the goroutines.
	term.master.Write([]byte("(let loop () (loop))\r"))
	time.Sleep(300 * time.Millisecond)
	term.master.Write([]byte{3})
	term.waitFor(regexp.MustCompile(`interrupted\r?\n(.|\n)*contigo> $`), "the interrupted evaluation")
	if out := term.enter("(list (goroutine-dead? spinner) (goroutine-dead? g))"); !strings.Contains(out, "(#f #f)") {
		t.Errorf("Ctrl-C stopped a goroutine: %q", out)
	}
	term.master.Write([]byte{4}) // Ctrl-D
	done := make(chan error, 1)
	go func() { done <- term.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Errorf("Ctrl-D did not end the session")
	}
}
