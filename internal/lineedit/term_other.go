//go:build !linux

package lineedit

import "os"

// IsTerminal reports whether f is a character device (a terminal,
// usually). Raw mode is implemented for Linux only; elsewhere Open fails
// and callers read plain lines.
func IsTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

type tty struct{ Terminal }

const rawSupported = false

func openTTY(in, out *os.File) (*tty, error) { return nil, ErrNotTerminal }
