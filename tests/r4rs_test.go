package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestR4RS runs r4rs/r4rstest.scm, Aubrey Jaffer's R4RS conformance test,
// through r4rs/run.scm in a scratch directory (it writes files tmp1, tmp2
// and tmp3 next to itself). It must run to the end, and the failures it
// records must be exactly those listed in r4rs/expected-failures.txt,
// each a place where R7RS, which contigo follows, differs from R4RS.
func TestR4RS(t *testing.T) {
	statSources()
	dir := t.TempDir()
	for _, name := range []string{"r4rstest.scm", "run.scm"} {
		b, err := os.ReadFile(filepath.Join("r4rs", name))
		if err != nil {
			t.Fatal(err)
		}
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
