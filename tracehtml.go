package main

// This file implements contigo --trace-html OUT.html FILE.scm: run the
// program while recording the scheduler's events, then draw them.

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"contigo/eval"
	"contigo/internal/timeline"
)

// runTraced runs the program src like evalString, recording the
// scheduler's events, and writes their timeline to out. It returns the
// program's exit status (or 1 if the file cannot be written).
func runTraced(in *eval.Interp, src, file, out string, stdout, stderr io.Writer) int {
	if err := timeline.Record(in); err != nil {
		fmt.Fprintf(stderr, "contigo: --trace-html: %v\n", err)
		return 70
	}
	code := evalString(in, src, file, false, stdout, stderr)
	tl, err := timeline.Read(in)
	if err == nil {
		page := timeline.HTML("contigo: "+filepath.Base(file), tl, "")
		err = os.WriteFile(out, []byte(page), 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "contigo: --trace-html: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}
