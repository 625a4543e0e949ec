package examples

import (
	"strings"
	"testing"
)

// TestFindTrio checks that a missing Python or Trio is explained.
func TestFindTrio(t *testing.T) {
	defer func(c []string) { pythonCandidates = c }(pythonCandidates)
	pythonCandidates = []string{"/nonexistent/python3"}
	if py, why := findTrio(); py != "" || !strings.Contains(why, "no python3 is installed (tried /nonexistent/python3)") {
		t.Errorf("findTrio() = %q, %q; want no python and the reason", py, why)
	}
	pythonCandidates = []string{"/bin/false"} // runs, but imports nothing
	if py, why := findTrio(); py != "" || !strings.Contains(why, "/bin/false cannot import trio") {
		t.Errorf("findTrio() = %q, %q; want no python and the reason", py, why)
	}
}
