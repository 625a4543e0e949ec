//go:build linux

package main

// This file tests the REPL at a terminal: the test binary, standing in
// for contigo (see TestMain in check_test.go), runs on the slave side of
// a pseudo-terminal that the test opens itself (/dev/ptmx), and the test
// types into the master side and reads what the terminal shows.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// openPTY returns the master and slave sides of a new pseudo-terminal.
func openPTY() (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		master.Close()
		return nil, nil, e
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		master.Close()
		return nil, nil, e
	}
	slave, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	// 24 rows of 80 columns: a new pseudo-terminal has none.
	ws := [4]uint16{24, 80, 0, 0}
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, slave.Fd(), syscall.TIOCSWINSZ, uintptr(unsafe.Pointer(&ws))); e != 0 {
		master.Close()
		slave.Close()
		return nil, nil, e
	}
	return master, slave, nil
}

// ptySession is contigo's REPL running on a pseudo-terminal.
type ptySession struct {
	t      *testing.T
	master *os.File
	cmd    *exec.Cmd
	mu     sync.Mutex
	out    strings.Builder // everything the terminal showed
	seen   int             // how much of out expect has consumed
	done   chan struct{}
}

func startPTY(t *testing.T, env ...string) *ptySession {
	t.Helper()
	master, slave, err := openPTY()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), append([]string{"CONTIGO_TEST_RUN_MAIN=1", "TERM=xterm", "HOME=" + t.TempDir()}, env...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	p := &ptySession{t: t, master: master, cmd: cmd, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:n])
			p.mu.Unlock()
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
	return p
}

// expect waits until the terminal shows want after what earlier calls
// consumed, and returns what it showed up to and including want.
func (p *ptySession) expect(want string) string {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		p.mu.Lock()
		all := p.out.String()
		p.mu.Unlock()
		if i := strings.Index(all[p.seen:], want); i >= 0 {
			got := all[p.seen : p.seen+i+len(want)]
			p.seen += i + len(want)
			return got
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("the terminal did not show %q; it showed:\n%q", want, all[p.seen:])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (p *ptySession) send(s string) {
	p.t.Helper()
	if _, err := p.master.Write([]byte(s)); err != nil {
		p.t.Fatal(err)
	}
}

// wait waits for the REPL to exit and returns its exit status.
func (p *ptySession) wait() int {
	p.t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- p.cmd.Wait() }()
	select {
	case err := <-errc:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		if err != nil {
			p.t.Fatal(err)
		}
		return 0
	case <-time.After(20 * time.Second):
		p.t.Fatal("the REPL did not exit")
	}
	return -1
}

func TestREPLOnTerminal(t *testing.T) {
	p := startPTY(t)
	p.expect("contigo> ")
	// Values print in write form; unspecified inside data is shown.
	p.send("(list (if #f #f) \"s\")\r")
	p.expect("(#<unspecified> \"s\")")
	p.expect("contigo> ")
	// Errors are red on a terminal.
	p.send("(car 1)\r")
	p.expect("\x1b[1;31m<repl>:2:1: car: expected pair, got 1\x1b[0m")
	p.expect("contigo> ")
	// Tab completes a meta-command's name (one candidate: completed in
	// place), and the command runs.
	p.send(",he\t")
	p.expect(",help ")
	p.send("\r")
	p.expect("Meta-commands")
	p.expect("contigo> ")
	// A unique prefix runs ,bt, the backtrace of the last error.
	p.send(",b\r")
	p.expect("car: expected pair, got 1")
	p.expect("backtrace")
	p.expect("contigo> ")
	// A stray paren after a complete form: the form runs, then the
	// paren is reported.
	p.send("(define (sq x) (* x x))\r")
	p.expect("contigo> ")
	p.send("(sq 5))\r")
	shown := p.expect("contigo> ")
	if i, j := strings.Index(shown, "25"), strings.Index(shown, "unexpected ')'"); i < 0 || j < i {
		t.Errorf("(sq 5)) showed %q, want 25 then the error", shown)
	}
	// ,doc at the terminal.
	p.send(",doc car\r")
	p.expect("Returns the car (first part) of pair.")
	p.expect("contigo> ")
	p.send("\x04") // Ctrl-D
	if code := p.wait(); code != 0 {
		t.Errorf("exit status %d after Ctrl-D", code)
	}
}

func TestREPLOnTerminalNoColor(t *testing.T) {
	p := startPTY(t, "NO_COLOR=1")
	p.expect("contigo> ")
	p.send("(car 1)\r")
	shown := p.expect("contigo> ")
	if strings.Contains(shown, "\x1b[1;31m") {
		t.Errorf("NO_COLOR is set, but the error is coloured: %q", shown)
	}
	if strings.Contains(p.output(), "\x1b[1;32m") {
		t.Errorf("NO_COLOR is set, but the prompt is coloured: %q", p.output())
	}
	if !strings.Contains(shown, "car: expected pair, got 1") {
		t.Errorf("the error is missing: %q", shown)
	}
	p.send(",q\r")
	if code := p.wait(); code != 0 {
		t.Errorf("exit status %d after ,q", code)
	}
}

// TestREPLLineEditing drives the line editor at a real terminal: coloured
// prompts, continuation lines, history (kept in ~/.contigo_history, mode
// 0600), Ctrl-C at the prompt, editing keys, a line longer than the
// screen, UTF-8, and a program that reads the terminal between prompts.
func TestREPLLineEditing(t *testing.T) {
	home := t.TempDir()
	hist := filepath.Join(home, ".contigo_history")
	if err := os.WriteFile(hist, []byte("(quote from-an-earlier-session)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := startPTY(t, "HOME="+home)
	// The prompts are coloured; the continuation prompt too.
	p.expect("\x1b[1;32mcontigo> \x1b[0m")
	p.send("(list 1\r")
	p.expect("\x1b[1;32m...      \x1b[0m")
	p.send("2)\r")
	p.expect("(1 2)")
	p.expect("contigo> ")
	// Up recalls the entry, its lines joined; Ctrl-A, Ctrl-F and
	// Ctrl-D edit it.
	p.send("\x1b[A\x01\x06\x04\x04\x04\x04vector\r")
	p.expect("#(1 2)")
	p.expect("contigo> ")
	// Ctrl-R finds the entry of an earlier session.
	p.send("\x12earlier\r")
	p.expect("from-an-earlier-session\r\n")
	p.expect("contigo> ")
	// Ctrl-C at the prompt abandons the entry, continuation lines and
	// all.
	p.send("(car\r'(a b)\x03")
	p.expect("contigo> ")
	p.send("'fresh\r")
	if shown := p.expect("contigo> "); !strings.Contains(shown, "fresh") || strings.Contains(shown, "error") {
		t.Errorf("after Ctrl-C: %q", shown)
	}
	// A line longer than the screen, edited in its middle; UTF-8.
	long := `(string-length "` + strings.Repeat("λ", 100) + `")`
	p.send(long + "\x01\x1bf\x1bf\x7f\x7f\x7f\x7f\x7f\x7f\r")
	p.expect("94\r\n")
	p.expect("contigo> ")
	// A program reading the terminal between prompts: the terminal is
	// in its usual mode, so what is typed is echoed and read as a line.
	p.send("(read-line)\r")
	time.Sleep(200 * time.Millisecond)
	p.send("typed to the program\r")
	if shown := p.expect(`"typed to the program"`); !strings.Contains(shown, "typed to the program\r\n") {
		t.Errorf("what the program read was not echoed: %q", shown)
	}
	p.expect("contigo> ")
	p.send("\x04")
	if code := p.wait(); code != 0 {
		t.Errorf("exit status %d after Ctrl-D", code)
	}
	st, err := os.Stat(hist)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("history file mode %v, want 0600", st.Mode().Perm())
	}
	b, _ := os.ReadFile(hist)
	if got := string(b); !strings.HasPrefix(got, "(quote from-an-earlier-session)\n(list 1 2)\n(vector 1 2)\n") || !strings.HasSuffix(got, "(read-line)\n") {
		t.Errorf("history file:\n%s", got)
	}
}
