// Package testbin builds the contigo command for tests that run it as a
// subprocess (tests/, examples/), and keeps go test's result cache honest
// about it.
package testbin

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
)

// Build compiles the command in the module at root into a new temporary
// directory. It returns the binary's path and a function that removes it.
func Build(root, prefix string) (bin string, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", nil, err
	}
	bin = filepath.Join(dir, "contigo")
	build := exec.Command("go", "build", "-o", bin, ".")
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
