package main

import (
	"io"
	"os"
)

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func repl(in interface{}, stdout, stderr io.Writer) int { return 0 }
