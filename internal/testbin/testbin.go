// Package testbin builds the contigo command for tests that run it as a
// subprocess (tests/, examples/), keeps go test's result cache honest
// about it, and lets coverage count what subprocesses run.
//
// Coverage: a test binary built by go test -cover counts only the code
// it runs itself. When coverage is on (CoverDir is not empty), Build
// compiles contigo with go build -cover, and every contigo process a test
// starts writes its counters into CoverDir as it exits (Go's coverage for
// integration tests: go help testflag, go tool covdata). A test binary
// that runs itself as contigo (the root package's TestMain) does the
// same when it exits without finishing its tests. .ci/cover.sh collects
// them all and reports the coverage of the interpreter's packages.
package testbin

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// CoverDir returns the directory the coverage counters of this test
// binary go to (the -test.gocoverdir flag, which go test -cover sets and
// .ci/cover.sh names), else $GOCOVERDIR, else "" when coverage is off. It
// also sets $GOCOVERDIR to that directory, so that the processes the
// test starts write their counters beside the test's own. Call it after
// flag.Parse.
func CoverDir() string {
	dir := os.Getenv("GOCOVERDIR")
	if f := flag.Lookup("test.gocoverdir"); f != nil && f.Value.String() != "" {
		dir = f.Value.String()
	}
	if dir != "" {
		os.Setenv("GOCOVERDIR", dir)
	}
	return dir
}

// Build compiles the command in the module at root into a new temporary
// directory, with coverage counters when CoverDir is not empty. It
// returns the binary's path and a function that removes it. Call it
// after flag.Parse.
func Build(root, prefix string) (bin string, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", nil, err
	}
	bin = filepath.Join(dir, "contigo")
	args := []string{"build", "-o", bin}
	if CoverDir() != "" {
		// Every package of the module, counted as the test binary counts.
		args = append(args, "-cover")
		if mode := testing.CoverMode(); mode != "" {
			args = append(args, "-covermode="+mode)
		}
	}
	build := exec.Command("go", append(args, ".")...)
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("building contigo: %v\n%s", err, out)
	}
	return bin, func() { os.RemoveAll(dir) }, nil
}

// StatSources looks at every source file of the interpreter under root
// (Go files, Scheme files such as prelude.scm, go.mod), skipping the
// directories named in skip. The binary is built by a subprocess, which
// go test's result cache cannot see; the files a test consults it does
// record, so a change anywhere in the interpreter re-runs the test
// instead of reporting a stale "(cached)". It must be called inside a
// test: TestMain runs before go test starts recording.
func StatSources(root string, skip ...string) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			name := d.Name()
			if name == ".git" || name == "out" {
				return filepath.SkipDir
			}
			for _, s := range skip {
				if name == s {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if ext := filepath.Ext(path); ext == ".go" || ext == ".scm" || d.Name() == "go.mod" {
			os.Stat(path)
		}
		return nil
	})
}
