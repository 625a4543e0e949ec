package tests

// This file defines TestErrors, which runs the chunked error files
// tests/errors/*.scm (a small port of starlark-go's chunkedfile).
//
// A file is split into chunks at lines consisting of "---". Each chunk is
// an independent program. A line
//
//	;;; error: "REGEXP"
//
// says the chunk must exit with status 1 and its stderr must match
// REGEXP (the text between the first and the last double quote, taken
// literally, no escapes). Regexps are in multi-line mode: ^ and $ match
// at line boundaries, \A and \z at the ends of stderr. A chunk may hold
// several such lines, anywhere in it: their regexps must match stderr in
// order, each after the previous match, so a backtrace's frame order can
// be checked. A chunk without one must exit with status 0 and print
// nothing on stderr.
//
// Each chunk is written to its own directory as a file with the same base
// name as the source, preceded by blank lines so that its line numbers are
// those of the source file; it runs with that directory as the working
// directory. Error positions therefore read exactly as they would for the
// source file: "runtime.scm:12:3: ...".

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// chunk is one program of a chunked file.
type chunk struct {
	n      int    // 1-based chunk number
	line   int    // line of the source file where the chunk starts
	src    string // padded with blank lines to start at line
	errors []*regexp.Regexp
}

var errorLine = regexp.MustCompile(`^\s*;;; error: "(.*)"\s*$`)

// readChunks splits the chunked file at path.
func readChunks(path string) ([]chunk, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var chunks []chunk
	cur := chunk{n: 1, line: 1}
	var body strings.Builder
	flush := func() {
		cur.src = strings.Repeat("\n", cur.line-1) + body.String()
		chunks = append(chunks, cur)
		body.Reset()
	}
	lines := strings.SplitAfter(string(data), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "---" {
			flush()
			cur = chunk{n: cur.n + 1, line: i + 2}
			continue
		}
		if m := errorLine.FindStringSubmatch(strings.TrimRight(l, "\n")); m != nil {
			re, err := regexp.Compile("(?m)" + m[1])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
			}
			cur.errors = append(cur.errors, re)
		}
		body.WriteString(l)
	}
	flush()
	return chunks, nil
}

func TestErrors(t *testing.T) {
	statSources()
	files, err := filepath.Glob(filepath.Join("errors", "*.scm"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no tests/errors/*.scm files")
	}
	for _, path := range files {
		base := filepath.Base(path)
		chunks, err := readChunks(path)
		if err != nil {
			t.Error(err)
			continue
		}
		t.Run(strings.TrimSuffix(base, ".scm"), func(t *testing.T) {
			for _, c := range chunks {
				t.Run(fmt.Sprintf("chunk%d@line%d", c.n, c.line), func(t *testing.T) {
					skipIfSlow(t, c.src)
					t.Parallel()
					runChunk(t, base, c)
				})
			}
		})
	}
}

func runChunk(t *testing.T, base string, c chunk) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, base), []byte(c.src), 0o644); err != nil {
		t.Fatal(err)
	}
	res := run(t, dir, base)
	where := fmt.Sprintf("%s chunk %d (line %d)", base, c.n, c.line)
	if len(c.errors) == 0 {
		if res.status != 0 || res.stderr != "" {
			t.Errorf("%s: want success, got exit status %d, stderr:\n%s", where, res.status, res.stderr)
		}
		return
	}
	if res.status != 1 {
		t.Errorf("%s: exit status %d, want 1", where, res.status)
	}
	rest := res.stderr
	for _, re := range c.errors {
		loc := re.FindStringIndex(rest)
		if loc == nil {
			t.Errorf("%s: stderr does not match %q (after the previous matches)\nstderr:\n%s", where, re, res.stderr)
			return
		}
		rest = rest[loc[1]:]
	}
}
