// Package reference holds contigo's reference documentation; its test
// checks that the concurrency reference documents every public name of
// prelude.scm, and nothing that is not there.
package reference

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/prelude"
)

// The names the reference documents that prelude.scm does not define:
// they come from the core.
var coreNames = map[string]bool{"monotonic-ms": true}

func TestConcurrencyReferenceCoversThePrelude(t *testing.T) {
	doc, err := os.ReadFile("concurrency.md")
	if err != nil {
		t.Fatal(err)
	}
	// Public definitions: top-level define or define-macro of a name
	// that does not start with %.
	def := regexp.MustCompile(`(?m)^\(define(?:-macro)? \(?([^%() \n][^() \n]*)`)
	var defined []string
	for _, m := range def.FindAllStringSubmatch(prelude.Source(), -1) {
		defined = append(defined, m[1])
	}
	// Entries: ### `(name ...)` or ### `name`.
	entry := regexp.MustCompile("(?m)^### `\\(?([^ ()`]+)")
	var documented []string
	for _, m := range entry.FindAllStringSubmatch(string(doc), -1) {
		if !coreNames[m[1]] {
			documented = append(documented, m[1])
		}
	}
	sort.Strings(defined)
	sort.Strings(documented)
	if diff := cmp.Diff(defined, documented); diff != "" {
		t.Errorf("public names of prelude.scm (-) vs entries of concurrency.md (+):\n%s", diff)
	}
}

// TestConcurrencyReferenceShape checks the shape ,doc relies on: each
// entry's heading is followed by a blank-free one-line summary.
func TestConcurrencyReferenceShape(t *testing.T) {
	doc, err := os.ReadFile("concurrency.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(doc), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "### `") {
			continue
		}
		if !strings.HasSuffix(l, "`") {
			t.Errorf("line %d: heading %q does not end in a backquote", i+1, l)
		}
		if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) == "" || strings.HasPrefix(lines[i+1], "#") {
			t.Errorf("line %d: heading %q has no one-line summary below it", i+1, l)
		}
	}
}
