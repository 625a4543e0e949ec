// Package examples holds runnable programs. The concurrency examples come
// in three versions that print exactly the same thing: NAME.go (Go, run
// with go run), NAME.py (Python with Trio) and NAME.scm (contigo). Where
// Trio has no counterpart for a topic (Go's select, for example), there
// is no NAME.py, and the example is only in Go and contigo.
//
// This file defines TestExamples, which runs the versions of every
// example and compares their outputs. A language whose toolchain is
// missing (python3, or its trio module) is skipped, with a warning on
// stderr.
package examples

import (
	"bytes"
	"context"
	"contigo/internal/testbin"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// contigo is the binary built by TestMain.
var contigo string

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	bin, cleanup, err := testbin.Build("..", "contigo-examples-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "examples: %v\n", err)
		return 1
	}
	defer cleanup()
	contigo = bin
	if _, why := findTrio(); why != "" && !testing.Short() {
		// Said on stderr, so that it shows without -v: the Trio
		// versions are a third of what these tests check.
		fmt.Fprintf(os.Stderr, "examples: WARNING: the Trio versions are NOT run: %s.\n"+
			"examples: install Trio (Debian: apt-get install python3-trio) to run them.\n", why)
	}
	return m.Run()
}

// runTimeout bounds one run of one version.
const runTimeout = 2 * time.Minute

// output runs name with args in this directory and returns its stdout;
// the test fails if it exits with an error or writes to stderr.
func output(t *testing.T, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("%s %s: %v\nstderr:\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// pythonCandidates are tried in order for a Python that imports trio.
// The python3 on PATH may be a pyenv build that does not see Debian's
// python3-trio package, which /usr/bin/python3 does.
var pythonCandidates = []string{"python3", "/usr/bin/python3"}

// findTrio returns a Python interpreter that can import trio, or "" and
// why there is none.
func findTrio() (python, why string) {
	why = "no python3 is installed"
	for _, p := range pythonCandidates {
		if _, err := exec.LookPath(p); err != nil {
			continue
		}
		if err := exec.Command(p, "-c", "import trio").Run(); err != nil {
			why = p + " cannot import trio"
			continue
		}
		return p, ""
	}
	return "", why + " (tried " + strings.Join(pythonCandidates, ", ") + ")"
}

// TestExamples runs every NAME.scm that has a NAME.go beside it, and its
// NAME.py if there is one, and compares the outputs with the Go one.
func TestExamples(t *testing.T) {
	// The examples' own files are read as they run.
	testbin.StatSources("..", "examples")
	files, err := filepath.Glob("*.scm")
	if err != nil {
		t.Fatal(err)
	}
	python, trioMissing := findTrio()
	n := 0
	for _, file := range files {
		name := strings.TrimSuffix(file, ".scm")
		if _, err := os.Stat(name + ".go"); err != nil {
			continue // not an example in several languages
		}
		_, err := os.Stat(name + ".py")
		hasTrio := err == nil
		if hasTrio {
			n++
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := output(t, "go", "run", name+".go")
			if want == "" {
				t.Fatalf("go run %s.go printed nothing", name)
			}
			t.Run("contigo", func(t *testing.T) {
				if diff := cmp.Diff(want, output(t, contigo, name+".scm")); diff != "" {
					t.Errorf("%s.scm prints something else than %s.go (-go +contigo):\n%s", name, name, diff)
				}
			})
			if !hasTrio {
				return // Trio has no counterpart: Go and contigo only
			}
			t.Run("trio", func(t *testing.T) {
				if testing.Short() {
					// A Python start-up with Trio costs about 0.3 s a
					// run, most of this package's time; the full run
					// (CI) checks the Trio versions.
					t.Skip("the Trio versions run without -short")
				}
				if trioMissing != "" {
					t.Skip(trioMissing)
				}
				if diff := cmp.Diff(want, output(t, python, name+".py")); diff != "" {
					t.Errorf("%s.py prints something else than %s.go (-go +trio):\n%s", name, name, diff)
				}
			})
		})
	}
	if n == 0 {
		t.Fatal("no examples with a .go, a .py and a .scm version")
	}
}
