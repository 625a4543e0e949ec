//go:build linux

package lineedit

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"unsafe"
)

const rawSupported = true

// tty is the terminal of a process: keys come from in, the screen is out.
type tty struct {
	in, out *os.File
	mu      sync.Mutex
	orig    *syscall.Termios // the mode to restore, while raw
	winch   chan os.Signal
}

func ioctl(fd uintptr, req uintptr, arg unsafe.Pointer) error {
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, req, uintptr(arg)); e != 0 {
		return e
	}
	return nil
}

func getMode(fd uintptr) (*syscall.Termios, error) {
	var t syscall.Termios
	if err := ioctl(fd, syscall.TCGETS, unsafe.Pointer(&t)); err != nil {
		return nil, err
	}
	return &t, nil
}

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool {
	_, err := getMode(f.Fd())
	return err == nil
}

func openTTY(in, out *os.File) (*tty, error) {
	if !IsTerminal(in) || !IsTerminal(out) {
		return nil, ErrNotTerminal
	}
	t := &tty{in: in, out: out, winch: make(chan os.Signal, 1)}
	signal.Notify(t.winch, syscall.SIGWINCH)
	return t, nil
}

// Resized receives when the window changes size.
func (t *tty) Resized() <-chan os.Signal { return t.winch }

func (t *tty) Read(p []byte) (int, error) { return t.in.Read(p) }

// Raw puts the terminal into raw mode as liner does: no echo, no line
// editing, no signals (Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys), no
// flow control, no CR to NL translation; output processing stays on, so
// that "\n" written by anyone still starts a new line at column 0.
func (t *tty) Raw() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	orig, err := getMode(t.in.Fd())
	if err != nil {
		return err
	}
	raw := *orig
	raw.Iflag &^= syscall.ICRNL | syscall.INPCK | syscall.ISTRIP | syscall.IXON | syscall.BRKINT
	raw.Cflag |= syscall.CS8
	raw.Lflag &^= syscall.ECHO | syscall.ICANON | syscall.IEXTEN | syscall.ISIG
	raw.Cc[syscall.VMIN] = 1
	raw.Cc[syscall.VTIME] = 0
	if err := ioctl(t.in.Fd(), syscall.TCSETS, unsafe.Pointer(&raw)); err != nil {
		return err
	}
	t.orig = orig
	return nil
}

// Restore gives the terminal back the mode it had before Raw.
func (t *tty) Restore() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.orig == nil {
		return nil
	}
	err := ioctl(t.in.Fd(), syscall.TCSETS, unsafe.Pointer(t.orig))
	t.orig = nil
	return err
}

// Columns returns the width of the screen, 80 if it is not known.
func (t *tty) Columns() int {
	var ws [4]uint16
	if err := ioctl(t.out.Fd(), syscall.TIOCGWINSZ, unsafe.Pointer(&ws)); err != nil || ws[1] == 0 {
		return 80
	}
	return int(ws[1])
}

// Pending returns how many bytes of input are waiting to be read.
func (t *tty) Pending() int {
	var n int32
	if err := ioctl(t.in.Fd(), syscall.TIOCINQ, unsafe.Pointer(&n)); err != nil {
		return 0
	}
	return int(n)
}

// Suspend stops the process as Ctrl-Z does in cooked mode, with the
// terminal in its original mode, and returns when it is continued.
func (t *tty) Suspend() {
	t.Restore()
	syscall.Kill(syscall.Getpid(), syscall.SIGTSTP)
	t.Raw()
}
