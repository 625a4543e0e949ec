package tests

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// r4rsTestFile is where Debian's scm package puts Aubrey Jaffer's
// r4rstest.scm; CONTIGO_R4RSTEST names another copy. The suite is GPL
// code of another project, so the repository does not carry it: .ci/run
// fetches the package.
const r4rsTestFile = "/usr/share/doc/scm/examples/r4rstest.scm"

// TestR4RS runs r4rstest.scm, Aubrey Jaffer's R4RS conformance test,
// through r4rs/run.scm in a scratch directory (it writes files tmp1, tmp2
// and tmp3 next to itself). It must run to the end, and the failures it
// records must be exactly those listed in r4rs/expected-failures.txt,
// each a place where R7RS, which contigo follows, allows or asks for
// what contigo does. Without the suite the test skips, loudly, except
// under CI=true, where it fails.
func TestR4RS(t *testing.T) {
	statSources()
	suite := os.Getenv("CONTIGO_R4RSTEST")
	if suite == "" {
		suite = r4rsTestFile
	}
	src, err := os.ReadFile(suite)
	if err != nil {
		msg := fmt.Sprintf("TestR4RS: r4rstest.scm not found (%v): install Debian's scm package or set CONTIGO_R4RSTEST", err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		fmt.Fprintln(os.Stderr, "WARNING: "+msg)
		t.Skip(msg)
	}
	dir := t.TempDir()
	runner, err := os.ReadFile(filepath.Join("r4rs", "run.scm"))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"r4rstest.scm": src, "run.scm": runner} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := run(t, dir, "run.scm")
	if res.status != 0 || res.stderr != "" {
		t.Fatalf("r4rstest.scm did not complete: status %d, stderr:\n%s", res.status, res.stderr)
	}
	_, report, ok := strings.Cut(res.stdout, "\nFailures:\n")
	if !ok {
		t.Fatalf("no failure report in the output; its end:\n%s", tail(res.stdout, 2000))
	}
	b, err := os.ReadFile(filepath.Join("r4rs", "expected-failures.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, line := range strings.Split(string(b), "\n") {
		if line != "" && !strings.HasPrefix(line, ";") {
			want = append(want, line)
		}
	}
	got := strings.Split(strings.TrimSuffix(report, "\n"), "\n")
	if report == "" {
		got = nil
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("r4rstest.scm failures differ from r4rs/expected-failures.txt (-want +got):\n%s", diff)
	}
}

// tail returns the last n bytes of s.
func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
