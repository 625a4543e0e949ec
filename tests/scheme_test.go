// Package tests holds contigo's end-to-end tests: Scheme programs run
// through the contigo binary and compared with golden files.
//
// This file defines TestMain, which builds the binary once, and
// TestScheme, which runs every tests/*.scm file. See README.md.
package tests

import (
	"bytes"
	"context"
	"contigo/internal/testbin"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// update makes TestScheme rewrite the golden files from the actual output.
// Goldens written this way must be reviewed by hand: the expected output
// comes from the language's semantics, not from whatever contigo printed.
var update = flag.Bool("update", false, "rewrite the .out/.err/.status golden files from actual output (review them by hand!)")

// runTimeout bounds a single contigo run, so that a hanging program fails
// its test instead of the whole suite.
const runTimeout = 90 * time.Second

// contigo is the path of the binary built by TestMain.
var contigo string

// statSources makes go test's cache see the interpreter's sources (see
// testbin.StatSources); the tests' own files are consulted as they run.
func statSources() { testbin.StatSources("..", "tests") }

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	bin, cleanup, err := testbin.Build("..", "contigo-tests-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "tests: %v\n", err)
		return 1
	}
	defer cleanup()
	contigo = bin
	return m.Run()
}

// result is what one run of contigo produced.
type result struct {
	stdout, stderr string
	status         int
}

// run runs contigo on file (a path relative to dir) with dir as the working
// directory, so positions in messages read "file:line:col". flags go
// before the file name.
func run(t *testing.T, dir, file string, flags ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, contigo, append(flags, file)...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader("")
	if !strings.HasPrefix(file, "preempt") {
		// A 1 ms slice ends wherever a loaded machine (the tests
		// run in parallel) happens to hold the process: a goroutine
		// preempted between two lines printed them in another order
		// than the golden file's, a run in tens. The preemption tests
		// keep the default.
		cmd.Env = append(os.Environ(), "CONTIGO_TIME_SLICE=20000")
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("contigo %s: timed out after %v\nstdout:\n%s\nstderr:\n%s", file, runTimeout, res.stdout, res.stderr)
	case errors.As(err, &exit):
		res.status = exit.ExitCode()
	case err != nil:
		t.Fatalf("contigo %s: %v", file, err)
	}
	return res
}

// TestScheme runs each NAME.scm under tests/ (subdirectories included,
// except errors/, which holds chunked error files, r4rs/, run by TestR4RS,
// and directories named lib/, which hold libraries that tests import)
// from the file's own
// directory, and compares its stdout with NAME.out, its stderr with
// NAME.err or NAME.err.re (empty if neither exists) and its exit status
// with NAME.status (0 if absent). If NAME.flags exists, its
// whitespace-separated words are passed to contigo before the file name
// (e.g. -max-depth=100000).
func TestScheme(t *testing.T) {
	statSources()
	var files []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (path == "errors" || path == "r4rs" || d.Name() == "lib") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".scm") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no tests/*.scm files")
	}
	for _, file := range files {
		name := strings.TrimSuffix(file, ".scm")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			skipIfSlow(t, string(src))
			t.Parallel()
			var flags []string
			if b, err := os.ReadFile(name + ".flags"); err == nil {
				flags = strings.Fields(string(b))
			}
			res := run(t, filepath.Dir(file), filepath.Base(file), flags...)
			if *update {
				writeGoldens(t, name, res)
				return
			}
			checkGoldens(t, name, res)
		})
	}
}

// slowLine marks a program that takes seconds (a tests/**/NAME.scm file,
// or one chunk of an errors/ file): `go test -short` skips it and the full
// run (`go test ./...`, CI) runs it. The reason follows the colon.
var slowLine = regexp.MustCompile(`(?m)^;;; slow: (.*)$`)

// skipIfSlow skips t under -short if src has a slowLine.
func skipIfSlow(t *testing.T, src string) {
	t.Helper()
	if m := slowLine.FindStringSubmatch(src); m != nil && testing.Short() {
		t.Skipf("slow (%s): runs without -short", m[1])
	}
}

func checkGoldens(t *testing.T, name string, res result) {
	t.Helper()
	want, err := os.ReadFile(name + ".out")
	if err != nil {
		t.Errorf("%v (run with -update to create it, then review it)", err)
	} else if diff := cmp.Diff(string(want), res.stdout); diff != "" {
		t.Errorf("%s.scm: stdout mismatch (-want +got):\n%s", name, diff)
	}

	if want, err := os.ReadFile(name + ".err"); err == nil {
		if diff := cmp.Diff(string(want), res.stderr); diff != "" {
			t.Errorf("%s.scm: stderr mismatch (-want +got):\n%s", name, diff)
		}
	} else if pats, err := os.ReadFile(name + ".err.re"); err == nil {
		if diff := diffRegexpLines(t, string(pats), res.stderr); diff != "" {
			t.Errorf("%s.scm: stderr does not match %s.err.re (-want +got):\n%s", name, name, diff)
		}
	} else if res.stderr != "" {
		t.Errorf("%s.scm: unexpected stderr:\n%s", name, res.stderr)
	}

	wantStatus := 0
	if b, err := os.ReadFile(name + ".status"); err == nil {
		wantStatus, err = strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil {
			t.Fatalf("%s.status: %v", name, err)
		}
	}
	if res.status != wantStatus {
		t.Errorf("%s.scm: exit status %d, want %d", name, res.status, wantStatus)
	}
}

// diffRegexpLines matches got line by line against pats, one regexp per
// line, each anchored to the whole line. It returns "" on a match, or a
// diff in which every pattern that matched its line is replaced by that
// line, so only the lines that failed show up.
func diffRegexpLines(t *testing.T, pats, got string) string {
	t.Helper()
	want := strings.Split(strings.TrimSuffix(pats, "\n"), "\n")
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	for i, p := range want {
		re, err := regexp.Compile("^(?:" + p + ")$")
		if err != nil {
			t.Fatalf("bad regexp on line %d: %v", i+1, err)
		}
		if i < len(lines) && re.MatchString(lines[i]) {
			want[i] = lines[i]
		}
	}
	return cmp.Diff(want, lines)
}

// writeGoldens rewrites NAME.out, NAME.err and NAME.status from res. A
// NAME.err.re is never rewritten (regexps are written by hand), so when
// it exists NAME.err is not created.
func writeGoldens(t *testing.T, name string, res result) {
	t.Helper()
	write := func(file, content string, keep bool) {
		if keep {
			if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		} else if err := os.Remove(file); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
	}
	write(name+".out", res.stdout, true)
	if _, err := os.Stat(name + ".err.re"); err != nil {
		write(name+".err", res.stderr, res.stderr != "")
	}
	write(name+".status", fmt.Sprintf("%d\n", res.status), res.status != 0)
	t.Logf("updated goldens of %s.scm: review them by hand", name)
}
